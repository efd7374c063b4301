internal import Foundation
internal import GRDB
public import MusterCore

/// Reads the quarantine of a registry (read-only): the rows of one run or of all runs,
/// filtered by source, rule or file, with what later runs made of each record. The
/// `muster quarantine` command and its replay are built on it.
public struct QuarantineStore {
    /// What to list.
    public struct Filter: Sendable {
        /// One run's rows; nil means the newest run in the registry; `all` every run.
        public var runID: String?
        public var allRuns: Bool
        public var sourceID: String?
        public var rule: String?
        /// Rows whose file path contains this text.
        public var file: String?

        public init(runID: String? = nil, allRuns: Bool = false, sourceID: String? = nil, rule: String? = nil, file: String? = nil) {
            self.runID = runID
            self.allRuns = allRuns
            self.sourceID = sourceID
            self.rule = rule
            self.file = file
        }
    }

    public let path: String
    private let database: DatabaseQueue

    public init(path: String) throws(MusterError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw MusterError(.registry, "no registry at \(path); run the pipeline first")
        }
        self.path = path
        do {
            var configuration = Configuration()
            configuration.readonly = true
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw MusterError(.registry, "cannot open the registry", location: path, underlying: error)
        }
    }

    /// The newest run the registry recorded, if any.
    public func latestRunID() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT id FROM runs ORDER BY finished_at DESC, id DESC LIMIT 1") }
    }

    /// The rows `filter` selects, in run then source order.
    public func entries(_ filter: Filter = Filter()) throws -> (runID: String?, entries: [QuarantineEntry]) {
        let runID = filter.allRuns ? nil : try filter.runID ?? latestRunID()
        if let runID, !filter.allRuns, try read({ db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs WHERE id = ?", arguments: [runID]) }) == 0 {
            throw MusterError(.usage, "the registry has no run \"\(runID)\"; `muster runs` lists them")
        }
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let runID {
            conditions.append("q.run_id = ?")
            arguments.append(runID)
        }
        if let source = filter.sourceID {
            conditions.append("q.source_id = ?")
            arguments.append(source)
        }
        if let file = filter.file {
            conditions.append("instr(q.file, ?) > 0")
            arguments.append(file)
        }
        if let rule = filter.rule {
            conditions.append("(',' || q.rules || ',') LIKE ?")
            arguments.append("%," + rule + ",%")
        }
        let sql = """
            SELECT q.id, q.run_id, q.record_key, q.source_id, q.file, q.locator, q.reasons, q.raw,
                (SELECT s.run FROM record_seen s WHERE s.key = q.record_key AND s.run > q.run_id),
                (SELECT MAX(l.run_id) FROM quarantine l WHERE l.record_key = q.record_key AND l.run_id > q.run_id)
            FROM quarantine q \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY q.run_id, q.file, q.id
            """
        let rows = try read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) }
        let decoder = JSONDecoder()
        let entries = try rows.map { row -> QuarantineEntry in
            let reasons = try decoder.decode([QuarantineReason].self, from: Data((row[6] as String).utf8))
            let accepted: String? = row[8]
            let requarantined: String? = row[9]
            var later: QuarantineEntry.Later?
            // The newest later run decides: accepted after being quarantined again counts as accepted.
            if let accepted, accepted >= (requarantined ?? "") {
                later = .accepted(runID: accepted)
            } else if let requarantined {
                later = .quarantined(runID: requarantined)
            }
            return QuarantineEntry(
                id: row[0], runID: row[1], recordKey: row[2], sourceID: row[3], file: row[4], locator: row[5],
                reasons: reasons, raw: row[7], later: later
            )
        }
        return (runID, entries)
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as MusterError {
            throw error
        } catch {
            throw MusterError(.registry, "cannot read the registry's quarantine", location: path, underlying: error)
        }
    }
}
