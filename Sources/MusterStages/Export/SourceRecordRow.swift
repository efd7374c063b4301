internal import GRDB
internal import MusterCore

/// One record as the registry stores it, with its JSON columns and identifiers worked out
/// up front: that needs no database, so the export prepares a batch's rows on another
/// thread (``ExportPlanner``) while it writes the batch before.
struct SourceRecordRow: Sendable {
    let record: MusterCore.Record
    /// The source record as read (`source_records.raw`, `quarantine.raw`).
    let raw: String
    let canonical: String?
    let issues: String?
    let evidence: String?
    /// Each enrollment's attendance, as JSON, in enrollment order.
    let attendance: [String]
    /// Well-formed identifiers (NIK, phone, email) that find and claim a participant.
    let identifiers: [(field: String, value: String)]

    init(_ record: MusterCore.Record) {
        self.record = record
        var writer = JSONWriter(capacity: 512)
        writer.source(record.source)
        raw = writer.text
        if let links = record.match?.evidence, !links.isEmpty {
            writer.removeAll()
            writer.evidence(links)
            evidence = writer.text
        } else {
            evidence = nil
        }
        if let normalized = record.normalized {
            writer.removeAll()
            writer.object(normalized.values)
            canonical = writer.text
            writer.removeAll()
            writer.issues(normalized.issues)
            issues = writer.text
        } else {
            canonical = nil
            issues = nil
        }
        attendance = record.source.enrollments.map { enrollment in
            var writer = JSONWriter(capacity: 128)
            writer.attendance(enrollment.attendance)
            return writer.text
        }
        identifiers =
            record.isQuarantined
            ? []
            : IdentifierRules.matchFields.compactMap { field, _ in
                guard let value = record.normalized?[field], IdentifierRules.isUsable(value, field: field) else { return nil }
                return (field, value)
            }
    }

    /// Writes the record's row unless the registry already holds it exactly, and marks it
    /// seen by this run. Returns whether the row was written.
    @discardableResult
    func upsert(participantID: String?, programmeID: String?, runID: String, _ statements: StatementCache, _ db: Database) throws -> Bool {
        let provenance = record.source.provenance
        let written = try statements.execute(
            """
            INSERT INTO source_records (key, source_id, file, locator, content_hash, kind, participant_id, programme_id, raw, canonical, issues, evidence, last_run)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET content_hash = excluded.content_hash, participant_id = excluded.participant_id,
                programme_id = excluded.programme_id, raw = excluded.raw, canonical = excluded.canonical,
                issues = excluded.issues, evidence = excluded.evidence, last_run = excluded.last_run
            WHERE source_records.content_hash IS NOT excluded.content_hash OR source_records.participant_id IS NOT excluded.participant_id
                OR source_records.programme_id IS NOT excluded.programme_id OR source_records.raw IS NOT excluded.raw
                OR source_records.canonical IS NOT excluded.canonical OR source_records.issues IS NOT excluded.issues
                OR source_records.evidence IS NOT excluded.evidence
            """, db
        ) { row in
            row.bind(record.key)
            row.bind(provenance.sourceID)
            row.bind(provenance.file)
            row.bind(provenance.locator)
            row.bind(provenance.contentHash)
            row.bind(record.source.kind.rawValue)
            row.bind(participantID)
            row.bind(programmeID)
            row.bind(raw)
            row.bind(canonical)
            row.bind(issues)
            row.bind(evidence)
            row.bind(runID)
        }
        try statements.execute("INSERT INTO record_seen (key, run) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET run = excluded.run", db) { row in
            row.bind(record.key)
            row.bind(runID)
        }
        return written > 0
    }
}
