public import MusterCore

/// The run's books: every record in is accepted or quarantined, per source and overall.
public struct Reconciliation: Sendable, Hashable, Codable {
    /// Counts for one source.
    public struct Books: Sendable, Hashable, Codable {
        public var recordsIn = 0
        public var accepted = 0
        public var quarantined = 0
        public var balanced: Bool { recordsIn == accepted + quarantined }
    }

    public var recordsIn: Int
    public var accepted: Int
    public var quarantined: Int
    public var participants: Int
    public var bySource: [String: Books]
    public var balanced: Bool { recordsIn == accepted + quarantined }

    public init(records: [Record], participants: Int) {
        var bySource: [String: Books] = [:]
        for record in records {
            let source = record.source.provenance.sourceID
            bySource[source, default: Books()].recordsIn += 1
            if record.isQuarantined {
                bySource[source, default: Books()].quarantined += 1
            } else {
                bySource[source, default: Books()].accepted += 1
            }
        }
        self.bySource = bySource
        recordsIn = records.count
        accepted = bySource.values.reduce(0) { $0 + $1.accepted }
        quarantined = bySource.values.reduce(0) { $0 + $1.quarantined }
        self.participants = participants
    }
}
