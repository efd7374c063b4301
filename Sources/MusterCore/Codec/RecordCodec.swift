/// Reads and writes records as one JSON object per line: the checkpoint format.
///
/// The shape is exactly what `JSONEncoder` (sorted keys) makes of ``Record`` — checkpoints
/// stay readable by any JSON tool and by `Codable` — but written and read by hand, which
/// is much faster and keeps checkpoints from dominating a run.
package enum RecordCodec {
    /// Appends `record` as one line of JSON, newline included.
    package static func encode(_ record: Record, into writer: inout JSONWriter) {
        var first = true
        writer.byte(0x7B)
        if let match = record.match {
            writer.key("match", first: &first)
            encode(match, into: &writer)
        }
        if let normalized = record.normalized {
            writer.key("normalized", first: &first)
            encode(normalized, into: &writer)
        }
        writer.key("quarantine", first: &first)
        encode(record.quarantine, into: &writer)
        if let id = record.registryID {
            writer.key("registryID", first: &first)
            writer.string(id)
        }
        writer.key("source", first: &first)
        encode(record.source, into: &writer)
        writer.byte(0x7D)
        writer.byte(0x0A)
    }

    static func encode(_ match: Match, into writer: inout JSONWriter) {
        var inner = true
        writer.byte(0x7B)
        writer.key("cluster", first: &inner)
        writer.string(match.cluster)
        writer.key("evidence", first: &inner)
        writer.evidence(match.evidence)
        writer.byte(0x7D)
    }

    static func encode(_ normalized: NormalizedRecord, into writer: inout JSONWriter) {
        var inner = true
        writer.byte(0x7B)
        writer.key("issues", first: &inner)
        writer.issues(normalized.issues)
        writer.key("values", first: &inner)
        writer.object(normalized.values)
        writer.byte(0x7D)
    }

    static func encode(_ quarantine: [QuarantineReason], into writer: inout JSONWriter) {
        writer.array(quarantine) { writer, reason in
            var member = true
            writer.byte(0x7B)
            if let field = reason.field {
                writer.key("field", first: &member)
                writer.string(field)
            }
            writer.key("message", first: &member)
            writer.string(reason.message)
            writer.key("rule", first: &member)
            writer.string(reason.rule)
            writer.key("stage", first: &member)
            writer.string(reason.stage)
            writer.byte(0x7D)
        }
    }

    static func encode(_ source: SourceRecord, into writer: inout JSONWriter) {
        var first = true
        writer.byte(0x7B)
        writer.key("enrollments", first: &first)
        writer.array(source.enrollments) { writer, enrollment in
            var member = true
            writer.byte(0x7B)
            writer.key("attendance", first: &member)
            writer.attendance(enrollment.attendance)
            for (name, value) in [
                ("date", enrollment.date), ("programme", enrollment.programme), ("session", enrollment.session), ("status", enrollment.status),
                ("title", enrollment.title),
            ] {
                guard let value else { continue }
                writer.byte(0x2C)
                writer.string(name)
                writer.byte(0x3A)
                writer.string(value)
            }
            writer.byte(0x7D)
        }
        writer.key("extras", first: &first)
        writer.object(source.extras)
        writer.key("fields", first: &first)
        writer.object(source.fields)
        writer.key("kind", first: &first)
        writer.string(source.kind.rawValue)
        writer.key("provenance", first: &first)
        writer.byte(0x7B)
        var member = true
        writer.key("contentHash", first: &member)
        writer.string(source.provenance.contentHash)
        writer.key("file", first: &member)
        writer.string(source.provenance.file)
        writer.key("locator", first: &member)
        writer.string(source.provenance.locator)
        writer.key("sourceID", first: &member)
        writer.string(source.provenance.sourceID)
        writer.byte(0x7D)
        if let raw = source.raw {
            writer.key("raw", first: &first)
            writer.string(raw)
        }
        if let rejection = source.rejection {
            writer.key("rejection", first: &first)
            var inner = true
            writer.byte(0x7B)
            writer.key("message", first: &inner)
            writer.string(rejection.message)
            if let position = rejection.position {
                writer.key("position", first: &inner)
                writer.string(position)
            }
            writer.byte(0x7D)
        }
        writer.byte(0x7D)
    }
}
