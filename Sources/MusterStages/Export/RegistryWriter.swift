internal import Foundation
internal import GRDB
internal import MusterCore

/// Applies one run's records to the registry as they stream in, inside one transaction that
/// is committed only when every record has landed in the registry or the quarantine.
///
/// Memory stays bounded: records arrive grouped by cluster (dedupe's contract), so the
/// ``ExportPlanner`` holds only the current cluster; identifiers the registry already knows are kept in one
/// dictionary so a cluster finds its existing participant without a query per identifier.
final class RegistryWriter {
    private let database: DatabaseQueue
    private let runID: String
    private let startedAt: Date
    private let lookups: RegistryLookups
    private let statements = StatementCache()
    private var clusterIDs: [String: String] = [:]
    /// Participants this run's records belong to (for the books: merged-away ones leave).
    private var participantsOfRun: Set<String> = []
    private(set) var books = Reconciliation()
    private var finished = false

    init(path: String, runID: String, startedAt: Date, cacheMiB: Int) throws(MusterError) {
        self.runID = runID
        self.startedAt = startedAt
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            // The run's one transaction spans every batch, so it stays open between accesses.
            configuration.allowsUnsafeTransactions = true
            configuration.prepareDatabase { db in
                // Statement journals (SQLite's undo for one statement inside the run's long
                // transaction) stay in memory: as temp files they cost disk writes on every record.
                // The page cache holds the randomly-inserted indexes of a million-record run.
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -\(cacheMiB * 1024)")
            }
            database = try DatabaseQueue(path: path, configuration: configuration)
            try RegistrySchema.migrator().migrate(database)
            lookups = try database.inDatabase { db in
                try db.execute(sql: "BEGIN IMMEDIATE TRANSACTION")
                return try RegistryLookups(db)
            }
        } catch {
            throw MusterError(.registry, "cannot open the registry", location: path, underlying: error)
        }
    }

    deinit {
        if !finished { try? database.inDatabase { db in try db.execute(sql: "ROLLBACK") } }
    }

    /// Writes planned units and returns their records with their registry ids.
    func write(_ units: [ExportUnit]) throws -> [MusterCore.Record] {
        try guarded { db in
            var out: [MusterCore.Record] = []
            out.reserveCapacity(units.count)
            for unit in units {
                switch unit {
                case .single(let row):
                    books.count(row.record)
                    var record = row.record
                    record.registryID = try record.isQuarantined ? quarantine(row, db) : programme(row, db)
                    out.append(record)
                case .cluster(let cluster):
                    let writer = ParticipantWriter(db: db, runID: runID, lookups: lookups, statements: statements)
                    let (id, absorbed) = try writer.write(cluster, knownID: clusterIDs[cluster.cluster])
                    clusterIDs[cluster.cluster] = id
                    participantsOfRun.insert(id)
                    for gone in absorbed { participantsOfRun.remove(gone) }
                    for row in cluster.members {
                        books.count(row.record)
                        var record = row.record
                        record.registryID = id
                        out.append(record)
                    }
                }
            }
            return out
        }
    }

    /// Checks the books in the database itself, records the run and commits.
    func finish() throws -> Reconciliation {
        try guarded { db in
            books.participants = participantsOfRun.count
            try verify(db)
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO runs (id, started_at, finished_at, records_in, accepted, quarantined, participants, reconciliation)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    runID, ISO8601DateFormatter().string(from: startedAt), ISO8601DateFormatter().string(from: Date()),
                    books.recordsIn, books.accepted, books.quarantined, books.participants, try Self.json(books),
                ]
            )
            try db.execute(sql: "COMMIT")
        }
        finished = true
        return books
    }

    private func guarded<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.inDatabase { db in try body(db) }
        } catch let error as MusterError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            // Said the way the runner recognises a full disk, so the run stops cleanly.
            throw MusterError(
                .io, "the registry cannot be written: the disk is full (no space left on the device); it was left as it was", location: database.path,
                underlying: POSIXError(.ENOSPC))
        } catch {
            throw MusterError(.registry, "writing the registry failed; it was left as it was", underlying: error)
        }
    }

    /// The books must balance in the database itself, not only in the counters.
    private func verify(_ db: Database) throws {
        let stored = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record_seen WHERE run = ?", arguments: [runID]) ?? 0
        let quarantined = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quarantine WHERE run_id = ?", arguments: [runID]) ?? 0
        guard stored == books.accepted, quarantined == books.quarantined else {
            throw MusterError(
                .unbalanced,
                "the registry does not balance: \(books.recordsIn) records in, \(stored) stored and \(quarantined) quarantined; nothing was written"
            )
        }
    }

    private func quarantine(_ row: SourceRecordRow, _ db: Database) throws -> String? {
        let record = row.record
        let provenance = record.source.provenance
        let raw = row.raw
        try statements.execute("DELETE FROM source_records WHERE key = ?", db) { $0.bind(record.key) }
        try statements.execute("DELETE FROM record_seen WHERE key = ?", db) { $0.bind(record.key) }
        let reasons = try Self.json(record.quarantine)
        try statements.execute("INSERT INTO quarantine (run_id, record_key, source_id, file, locator, rules, reasons, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", db)
        { row in
            row.bind(runID)
            row.bind(record.key)
            row.bind(provenance.sourceID)
            row.bind(provenance.file)
            row.bind(provenance.locator)
            row.bind(record.quarantine.map(\.rule).joined(separator: ","))
            row.bind(reasons)
            row.bind(raw)
        }
        return nil
    }

    private func programme(_ row: SourceRecordRow, _ db: Database) throws -> String {
        let record = row.record
        let values = record.normalized?.values ?? record.source.fields
        let id = values[Field.guid] ?? record.key
        try statements.execute(
            """
            INSERT INTO programmes (id, title, link, published, source_key, last_run) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET title = excluded.title, link = excluded.link, published = excluded.published,
                source_key = excluded.source_key, last_run = excluded.last_run
            """, db
        ) { row in
            row.bind(id)
            row.bind(values[Field.title])
            row.bind(values[Field.link])
            row.bind(values[Field.published])
            row.bind(record.key)
            row.bind(runID)
        }
        try row.upsert(participantID: nil, programmeID: id, runID: runID, statements, db)
        return id
    }

    /// JSON for the few values written once per run or per quarantined record.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
