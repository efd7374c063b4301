internal import GRDB
internal import MusterCore

/// One accepted record as the `source_records` table holds it.
struct SourceRecordRow {
    let record: MusterCore.Record
    let runID: String

    func upsert(participantID: String?, programmeID: String?, _ statements: StatementCache, _ db: Database) throws {
        let provenance = record.source.provenance
        var raw = JSONWriter(capacity: 512)
        raw.source(record.source)
        var canonical: String?
        var issues: String?
        var evidence: String?
        if let links = record.match?.evidence, !links.isEmpty {
            var writer = JSONWriter(capacity: 128)
            writer.evidence(links)
            evidence = writer.text
        }
        if let normalized = record.normalized {
            var writer = JSONWriter(capacity: 256)
            writer.object(normalized.values)
            canonical = writer.text
            writer.bytes.removeAll(keepingCapacity: true)
            writer.issues(normalized.issues)
            issues = writer.text
        }
        try statements("""
            INSERT INTO source_records (key, source_id, file, locator, content_hash, kind, participant_id, programme_id, raw, canonical, issues, evidence, last_run)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET content_hash = excluded.content_hash, participant_id = excluded.participant_id,
                programme_id = excluded.programme_id, raw = excluded.raw, canonical = excluded.canonical,
                issues = excluded.issues, evidence = excluded.evidence, last_run = excluded.last_run
            """, db).execute(arguments: [
            record.key, provenance.sourceID, provenance.file, provenance.locator, provenance.contentHash,
            record.source.kind.rawValue, participantID, programmeID, raw.text, canonical, issues, evidence, runID,
        ])
    }
}
