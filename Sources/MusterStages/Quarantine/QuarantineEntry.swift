public import MusterCore

/// One row of the registry's quarantine: a record one run quarantined, with its reasons,
/// its position in the source, and the source record as read (for display and replay).
public struct QuarantineEntry: Sendable, Hashable {
    /// What became of the record in a later run.
    public enum Later: Sendable, Hashable {
        /// A later run (a replay, or a nightly run) accepted the record.
        case accepted(runID: String)
        /// A later run quarantined it again.
        case quarantined(runID: String)
    }

    public var id: Int64
    public var runID: String
    public var recordKey: String
    public var sourceID: String
    public var file: String
    public var locator: String
    public var reasons: [QuarantineReason]
    /// The SourceRecord JSON as the export stage wrote it.
    public var raw: String
    public var later: Later?

    /// `file#locator`, as samples/expected and the report name records.
    public var reference: String { "\(file)#\(locator)" }
    public var rules: [String] { reasons.map(\.rule) }

    /// The record as read, decoded with the checkpoint codec.
    public func sourceRecord() throws -> SourceRecord {
        let line = "{\"quarantine\":[],\"source\":" + raw + "}"
        return try RecordCodec.decode(Array(line.utf8)).source
    }

    /// Whether ingest quarantined it because the importer could not read it: only a fixed
    /// source file and a full run can bring such a record back.
    public var isUnreadable: Bool { reasons.contains { $0.rule == "malformed-record" } }
}
