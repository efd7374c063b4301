/// The run's books: every record in is accepted or quarantined, per source and overall.
public struct Reconciliation: Sendable, Hashable, Codable {
    /// Counts for one source.
    public struct Books: Sendable, Hashable, Codable {
        public var recordsIn = 0
        public var accepted = 0
        public var quarantined = 0

        public init() {}

        /// The quarantined share of this source's records (0 when it had none).
        public var quarantinedShare: Double { recordsIn == 0 ? 0 : Double(quarantined) / Double(recordsIn) }
        public var balanced: Bool { recordsIn == accepted + quarantined }
    }

    public var recordsIn: Int
    public var accepted: Int
    public var quarantined: Int
    public var participants: Int
    public var bySource: [String: Books]
    public var balanced: Bool { recordsIn == accepted + quarantined }
    public var quarantinedShare: Double { recordsIn == 0 ? 0 : Double(quarantined) / Double(recordsIn) }

    public init(recordsIn: Int, accepted: Int, quarantined: Int, participants: Int, bySource: [String: Books]) {
        self.recordsIn = recordsIn
        self.accepted = accepted
        self.quarantined = quarantined
        self.participants = participants
        self.bySource = bySource
    }

    public init(records: [Record] = [], participants: Int = 0) {
        recordsIn = 0
        accepted = 0
        quarantined = 0
        bySource = [:]
        self.participants = participants
        for record in records { count(record) }
    }

    /// Adds one record that reached the end of the run.
    public mutating func count(_ record: Record) {
        let source = record.source.provenance.sourceID
        recordsIn += 1
        bySource[source, default: Books()].recordsIn += 1
        if record.isQuarantined {
            quarantined += 1
            bySource[source, default: Books()].quarantined += 1
        } else {
            accepted += 1
            bySource[source, default: Books()].accepted += 1
        }
    }
}
