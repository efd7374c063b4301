/// Checkpoint lines that hold only what one stage changed in a record.
///
/// Stages never create or drop records, and a streaming stage changes a few members of each:
/// normalize adds `normalized`, validate adds quarantine reasons and warnings. Its checkpoint
/// can then store, per record, the members that differ from its input record in the previous
/// stage's checkpoint (the base), and the reader rebuilds the record from both files.
///
/// A patch line is an object whose `@` member places its base record: the base ordinal is
/// the previous patch's base ordinal plus one plus `@` (0 when the stage kept the order).
/// Every other member replaces the base record's member of that name; `null` clears it.
/// A line without `@` is a whole record.
extension RecordCodec {
    /// Appends `record` as a patch over `base`, newline included.
    package static func encodePatch(_ record: Record, over base: Record, skip: Int, into writer: inout JSONWriter) {
        var first = true
        writer.byte(0x7B)
        writer.key("@", first: &first)
        writer.int(skip)
        if record.match != base.match {
            writer.key("match", first: &first)
            if let match = record.match { encode(match, into: &writer) } else { writer.raw("null") }
        }
        if record.normalized != base.normalized {
            writer.key("normalized", first: &first)
            if let normalized = record.normalized { encode(normalized, into: &writer) } else { writer.raw("null") }
        }
        if record.quarantine != base.quarantine {
            writer.key("quarantine", first: &first)
            encode(record.quarantine, into: &writer)
        }
        if record.registryID != base.registryID {
            writer.key("registryID", first: &first)
            if let id = record.registryID { writer.string(id) } else { writer.raw("null") }
        }
        if record.source != base.source {
            writer.key("source", first: &first)
            encode(record.source, into: &writer)
        }
        writer.byte(0x7D)
        writer.byte(0x0A)
    }

    /// Appends the first line of a checkpoint stored as patches over `base`:
    /// `{"checkpoint":{"base":"01-ingest.ndjson.zst"}}`.
    package static func encodeHeader(base: String, into writer: inout JSONWriter) {
        var first = true
        writer.byte(0x7B)
        writer.key("checkpoint", first: &first)
        var inner = true
        writer.byte(0x7B)
        writer.key("base", first: &inner)
        writer.string(base)
        writer.byte(0x7D)
        writer.byte(0x7D)
        writer.byte(0x0A)
    }

    /// One checkpoint line: a whole record, or a patch to apply to a base record.
    package enum Line {
        case record(Record)
        case patch(RecordPatch)
    }

    /// Reads one checkpoint line, whole record or patch.
    package static func decodeLine(_ line: some Collection<UInt8>) throws -> Line {
        let node = try node(line)
        guard let skip = try node.optional("@") else { return .record(try record(node)) }
        guard case .number(let digits) = skip.value, let offset = Int(digits) else { throw skip.error("expected a whole number") }
        return .patch(RecordPatch(skip: offset, node: node))
    }
}

/// The members one stage changed in a record, read from a patch line.
package struct RecordPatch {
    /// How far the base record is from the one after the previous patch's base.
    package let skip: Int
    fileprivate let node: RecordCodec.Node

    package func apply(to record: inout Record) throws {
        guard case .object(let members) = node.value else { return }
        for member in members {
            let value = RecordCodec.Node(value: member.value, path: node.path + "." + member.key)
            let cleared = member.value == .null
            switch member.key {
            case "@": continue
            case "match": record.match = cleared ? nil : try RecordCodec.match(value)
            case "normalized": record.normalized = cleared ? nil : try RecordCodec.normalized(value)
            case "quarantine": record.quarantine = try RecordCodec.quarantine(value)
            case "registryID": record.registryID = cleared ? nil : try value.text()
            case "source": record.source = try RecordCodec.source(value)
            default: throw value.error("not a member of a record")
            }
        }
    }
}
