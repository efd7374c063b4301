internal import Foundation
public import MusterCore

/// The ground truth of a generated folder (`truth.csv`): for every record, who is behind it
/// and, when it is invalid, the first validation rule it breaks.
///
/// Lines are `ref,person_id,invalid_reason`. `ref` is `FILE#LOCATOR` as the importers
/// write provenance (it may itself hold commas, so a line is split at its last two);
/// `person_id` is empty when no person is behind the record: a programme record (a news
/// item), which has no reason either, or a sheet's signature or totals line, which is
/// invalid as `malformed-record`.
public struct Truth: Sendable {
    /// One record of the truth.
    public struct Entry: Sendable, Hashable {
        public var ref: String
        /// nil for a programme record or a signature or totals line.
        public var person: String?
        /// The rule the record breaks (`nik-format` …), nil when it is valid.
        public var invalidReason: String?

        public init(ref: String, person: String?, invalidReason: String? = nil) {
            self.ref = ref
            self.person = person
            self.invalidReason = invalidReason
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Reads a truth file, refusing a line that does not have the three columns.
    public static func load(_ path: String) throws(MusterError) -> Truth {
        var entries: [Entry] = []
        for (number, line) in try DataLines.read(path, describing: "truth file") {
            // A ref may hold commas; the last two columns never do.
            guard let second = line.lastIndex(of: ","), let first = line[..<second].lastIndex(of: ",") else {
                throw MusterError(.unreadableInput, "expected ref,person_id,invalid_reason", location: "\(path):\(number)")
            }
            let ref = String(line[..<first])
            let person = String(line[line.index(after: first)..<second])
            let reason = String(line[line.index(after: second)...])
            entries.append(Entry(ref: ref, person: person.isEmpty ? nil : person, invalidReason: reason.isEmpty ? nil : reason))
        }
        return Truth(entries: entries)
    }
}
