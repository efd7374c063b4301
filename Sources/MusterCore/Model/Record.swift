/// The unit that flows between stages: a source record plus what each stage has learnt
/// about it so far.
///
/// Stages never create or drop records; they add to them. That is what lets the runner
/// check, for every stage and every run, that the books balance.
public struct Record: Sendable, Hashable, Codable {
    /// The record as read, with provenance.
    public var source: SourceRecord
    /// Canonical values, set by normalize.
    public var normalized: NormalizedRecord?
    /// Cluster assignment and evidence, set by dedupe.
    public var match: Match?
    /// Reasons the record is quarantined; empty while it is still accepted.
    public var quarantine: [QuarantineReason]
    /// The registry's participant or programme id, set by export.
    public var registryID: String?

    public init(
        source: SourceRecord,
        normalized: NormalizedRecord? = nil,
        match: Match? = nil,
        quarantine: [QuarantineReason] = [],
        registryID: String? = nil
    ) {
        self.source = source
        self.normalized = normalized
        self.match = match
        self.quarantine = quarantine
        self.registryID = registryID
    }

    public var key: String { source.provenance.key }
    public var isQuarantined: Bool { !quarantine.isEmpty }

    /// The canonical value of a field when normalized, else its raw value.
    public func value(_ field: String) -> String? {
        if let normalized { return normalized.values[field] }
        return source.fields[field]
    }
}

/// Records move between stages in batches: batching makes the plumbing almost free.
public typealias RecordBatch = [Record]
