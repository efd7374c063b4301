internal import GRDB
internal import MusterCore

/// What the registry already knows, loaded once per export: which participant holds each
/// well-formed identifier, and the next free participant number.
final class RegistryLookups {
    /// `kind \u{1} value` → the oldest participant id holding it.
    private var owners: [String: String] = [:]
    private(set) var nextNumber: Int
    /// Whether any source record existed before this run (else no lookup by record key is needed).
    let hadRecords: Bool
    /// Participants this run has written: dedupe already decided this run's clusters apart,
    /// so one never joins another of the same run through an identifier.
    private(set) var writtenThisRun: Set<String> = []

    init(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT kind, value, participant_id FROM participant_identifiers ORDER BY participant_id")
        while let row = try rows.next() {
            let key = Self.key(row[0], row[1])
            if owners[key] == nil { owners[key] = row[2] }
        }
        let last = try String.fetchOne(db, sql: "SELECT id FROM participants ORDER BY id DESC LIMIT 1")
        nextNumber = (last.flatMap { Int($0.dropFirst()) } ?? 0) + 1
        hadRecords = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM source_records)") ?? false
    }

    static func key(_ kind: String, _ value: String) -> String { kind + "\u{1}" + value }

    func owner(kind: String, value: String) -> String? { owners[Self.key(kind, value)] }

    func claim(kind: String, value: String, for participant: String) {
        let key = Self.key(kind, value)
        if let current = owners[key], current <= participant { return }
        owners[key] = participant
    }

    /// Points every identifier of `absorbed` at `survivor` after a merge.
    func reassign(_ absorbed: String, to survivor: String) {
        for (key, owner) in owners where owner == absorbed { owners[key] = survivor }
    }

    /// Notes that this run wrote the participant, identifiers or not.
    func wrote(_ participant: String) {
        writtenThisRun.insert(participant)
    }

    func allocateID() -> String {
        defer { nextNumber += 1 }
        let digits = String(nextNumber)
        return "P" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
