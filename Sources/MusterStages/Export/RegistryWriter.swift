internal import Foundation
internal import GRDB
internal import MusterCore

/// Applies one run's records to the registry database inside a single transaction and
/// checks, before committing, that every record landed in the registry or the quarantine.
struct RegistryWriter {
    struct Outcome {
        /// MusterCore.Record key → participant or programme id.
        var registryIDs: [String: String]
        var reconciliation: Reconciliation
    }

    private let database: DatabaseQueue
    private let runID: String
    private let startedAt: Date
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(path: String, runID: String, startedAt: Date) throws(MusterError) {
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            database = try DatabaseQueue(path: path, configuration: configuration)
            try RegistrySchema.migrator().migrate(database)
        } catch {
            throw MusterError(.registry, "cannot open the registry", location: path, underlying: error)
        }
        self.runID = runID
        self.startedAt = startedAt
    }

    func write(_ records: [MusterCore.Record]) throws(MusterError) -> Outcome {
        do {
            return try database.write { db in try apply(records, db) }
        } catch let error as MusterError {
            throw error
        } catch {
            throw MusterError(.registry, "writing the registry failed; it was left as it was", underlying: error)
        }
    }

    private func apply(_ records: [MusterCore.Record], _ db: Database) throws -> Outcome {
        var ids: [String: String] = [:]
        var clusters: [String: [MusterCore.Record]] = [:]
        var clusterOrder: [String] = []
        for record in records {
            if record.isQuarantined {
                try quarantine(record, db)
            } else if record.source.kind == .programme {
                ids[record.key] = try programme(record, db)
            } else {
                let cluster = record.match?.cluster ?? record.key
                if clusters[cluster] == nil { clusterOrder.append(cluster) }
                clusters[cluster, default: []].append(record)
            }
        }
        var participants = 0
        for cluster in clusterOrder {
            guard let members = clusters[cluster] else { continue }
            let id = try participant(members, db)
            participants += 1
            for member in members { ids[member.key] = id }
        }
        let reconciliation = Reconciliation(records: records, participants: participants)
        try verify(reconciliation, db)
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO runs (id, started_at, finished_at, records_in, accepted, quarantined, participants, reconciliation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                runID, ISO8601DateFormatter().string(from: startedAt), ISO8601DateFormatter().string(from: Date()),
                reconciliation.recordsIn, reconciliation.accepted, reconciliation.quarantined, participants,
                try json(reconciliation),
            ]
        )
        return Outcome(registryIDs: ids, reconciliation: reconciliation)
    }

    /// The books must balance in the database itself, not only in the counters.
    private func verify(_ reconciliation: Reconciliation, _ db: Database) throws {
        let stored = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM source_records WHERE last_run = ?", arguments: [runID]) ?? 0
        let quarantined = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quarantine WHERE run_id = ?", arguments: [runID]) ?? 0
        guard stored == reconciliation.accepted, quarantined == reconciliation.quarantined else {
            throw MusterError(
                .unbalanced,
                "the registry does not balance: \(reconciliation.recordsIn) records in, \(stored) stored and \(quarantined) quarantined; nothing was written"
            )
        }
    }

    private func quarantine(_ record: MusterCore.Record, _ db: Database) throws {
        let provenance = record.source.provenance
        try db.execute(sql: "DELETE FROM source_records WHERE key = ?", arguments: [record.key])
        try db.execute(
            sql: "INSERT INTO quarantine (run_id, record_key, source_id, file, locator, rules, reasons, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                runID, record.key, provenance.sourceID, provenance.file, provenance.locator,
                record.quarantine.map(\.rule).joined(separator: ","), try json(record.quarantine), try json(record.source),
            ]
        )
    }

    private func programme(_ record: MusterCore.Record, _ db: Database) throws -> String {
        let values = record.normalized?.values ?? record.source.fields
        let id = values[Field.guid] ?? record.key
        try db.execute(
            sql: """
                INSERT INTO programmes (id, title, link, published, source_key, last_run) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET title = excluded.title, link = excluded.link, published = excluded.published,
                    source_key = excluded.source_key, last_run = excluded.last_run
                """,
            arguments: [id, values[Field.title], values[Field.link], values[Field.published], record.key, runID]
        )
        try upsertSource(record, participantID: nil, programmeID: id, db)
        return id
    }

    private func participant(_ members: [MusterCore.Record], _ db: Database) throws -> String {
        let known = try knownParticipants(for: members, db)
        let id = try known.first ?? nextParticipantID(db)
        if known.isEmpty {
            try db.execute(
                sql: "INSERT INTO participants (id, golden, first_run, last_run) VALUES (?, '{}', ?, ?)",
                arguments: [id, runID, runID]
            )
        }
        for absorbed in known.dropFirst() { try merge(absorbed, into: id, db) }
        for member in members {
            try upsertSource(member, participantID: id, programmeID: nil, db)
            try db.execute(sql: "DELETE FROM enrollments WHERE source_key = ?", arguments: [member.key])
            for enrollment in member.source.enrollments {
                try db.execute(
                    sql: "INSERT INTO enrollments (source_key, participant_id, programme, session, title, date, attendance) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [member.key, id, enrollment.programme, enrollment.session, enrollment.title, enrollment.date, try json(enrollment.attendance)]
                )
            }
            try db.execute(sql: "DELETE FROM match_evidence WHERE record_key = ?", arguments: [member.key])
            for link in member.match?.evidence ?? [] {
                try db.execute(
                    sql: "INSERT INTO match_evidence (participant_id, record_key, rule, other_key) VALUES (?, ?, ?, ?)",
                    arguments: [id, member.key, link.rule, link.other]
                )
            }
            for (field, _) in IdentifierRules.matchFields {
                guard let value = member.normalized?[field], IdentifierRules.isUsable(value, field: field) else { continue }
                try db.execute(
                    sql: "INSERT OR IGNORE INTO participant_identifiers (participant_id, kind, value) VALUES (?, ?, ?)",
                    arguments: [id, field, value]
                )
            }
        }
        try refreshGolden(id, db)
        return id
    }

    /// Participant ids the registry already has for any of these records, oldest first.
    private func knownParticipants(for members: [MusterCore.Record], _ db: Database) throws -> [String] {
        var found: Set<String> = []
        for member in members {
            if let id = try String.fetchOne(db, sql: "SELECT participant_id FROM source_records WHERE key = ?", arguments: [member.key]) {
                found.insert(id)
            }
            for (field, _) in IdentifierRules.matchFields {
                guard let value = member.normalized?[field], IdentifierRules.isUsable(value, field: field) else { continue }
                found.formUnion(try String.fetchAll(db, sql: "SELECT participant_id FROM participant_identifiers WHERE kind = ? AND value = ?", arguments: [field, value]))
            }
        }
        return found.sorted()
    }

    private func merge(_ absorbed: String, into id: String, _ db: Database) throws {
        for table in ["source_records", "enrollments", "match_evidence"] {
            try db.execute(sql: "UPDATE \(table) SET participant_id = ? WHERE participant_id = ?", arguments: [id, absorbed])
        }
        try db.execute(
            sql: "INSERT OR IGNORE INTO participant_identifiers (participant_id, kind, value) SELECT ?, kind, value FROM participant_identifiers WHERE participant_id = ?",
            arguments: [id, absorbed]
        )
        try db.execute(sql: "DELETE FROM participants WHERE id = ?", arguments: [absorbed])
    }

    private func nextParticipantID(_ db: Database) throws -> String {
        let last = try String.fetchOne(db, sql: "SELECT id FROM participants ORDER BY id DESC LIMIT 1")
        let number = (last.flatMap { Int($0.dropFirst()) } ?? 0) + 1
        let digits = String(number)
        return "P" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Golden values from every source record the participant has, across runs.
    private func refreshGolden(_ id: String, _ db: Database) throws {
        let stored = try String.fetchAll(db, sql: "SELECT canonical FROM source_records WHERE participant_id = ? AND canonical IS NOT NULL ORDER BY key", arguments: [id])
        let records = stored.compactMap { text in
            (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))).map {
                MusterCore.Record(source: SourceRecord(provenance: Provenance(sourceID: "", file: "", locator: "", contentHash: "")), normalized: NormalizedRecord(values: $0))
            }
        }
        let golden = Participant.goldenValues(of: records)
        try db.execute(
            sql: """
                UPDATE participants SET name = ?, nik = ?, phone = ?, email = ?, birth_date = ?, gender = ?,
                    kelurahan = ?, kecamatan = ?, sector = ?, golden = ?, last_run = ? WHERE id = ?
                """,
            arguments: [
                golden[Field.name], golden[Field.nik], golden[Field.phone], golden[Field.email], golden[Field.birthDate],
                golden[Field.gender], golden[Field.kelurahan], golden[Field.kecamatan], golden[Field.sector],
                try json(golden), runID, id,
            ]
        )
    }

    private func upsertSource(_ record: MusterCore.Record, participantID: String?, programmeID: String?, _ db: Database) throws {
        let provenance = record.source.provenance
        try db.execute(
            sql: """
                INSERT INTO source_records (key, source_id, file, locator, content_hash, kind, participant_id, programme_id, raw, canonical, issues, last_run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET content_hash = excluded.content_hash, participant_id = excluded.participant_id,
                    programme_id = excluded.programme_id, raw = excluded.raw, canonical = excluded.canonical,
                    issues = excluded.issues, last_run = excluded.last_run
                """,
            arguments: [
                record.key, provenance.sourceID, provenance.file, provenance.locator, provenance.contentHash,
                record.source.kind.rawValue, participantID, programmeID, try json(record.source),
                try record.normalized.map { try json($0.values) }, try record.normalized.map { try json($0.issues) }, runID,
            ]
        )
    }

    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
