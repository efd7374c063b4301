public import MusterCore

/// What a run did, for people: written as `report.json` and `report.html` beside the run's
/// checkpoints. Built from the run's manifest and its last checkpoint; the registry adds
/// what only it knows (which participant ids are new) when the command line has it.
public struct RunReport: Sendable, Codable, Equatable {
    public var runID: String
    public var status: String
    public var mode: String
    public var pipeline: String
    public var startedAt: String
    public var finishedAt: String?
    /// The checkpoint the record-level figures were read from (`04-validate.ndjson.zst`).
    public var checkpoint: String?
    public var books: Books
    public var sources: [SourceBooks]
    public var stages: [StageTiming]
    public var quarantine: [RuleCount]
    /// Warning rules (`warning.<rule-id>` field issues on accepted records).
    public var warnings: [RuleCount]
    public var clusters: Clusters
    public var participants: Participants
    /// The manifest's warnings and notes (not errors).
    public var diagnostics: [Diagnostics.Entry]
    public var problems: [String]
    /// What the report could not tell, and why.
    public var notes: [String]

    /// The reconciliation: in = accepted + quarantined; merged counts the accepted
    /// participant records that share their participant with another record of the run.
    public struct Books: Sendable, Codable, Equatable {
        public var recordsIn: Int
        public var accepted: Int
        public var merged: Int
        public var quarantined: Int
        public var participants: Int
        public var balanced: Bool
    }

    public struct SourceBooks: Sendable, Codable, Equatable {
        public var id: String
        public var recordsIn: Int
        public var accepted: Int
        public var merged: Int
        public var quarantined: Int
    }

    public struct StageTiming: Sendable, Codable, Equatable {
        public var name: String
        public var type: String
        public var recordsIn: Int
        public var recordsOut: Int
        public var quarantined: Int
        public var seconds: Double
        public var recordsPerSecond: Double
    }

    /// One rule with the records that broke it and a few examples (values masked).
    public struct RuleCount: Sendable, Codable, Equatable {
        public var rule: String
        /// Records that broke it (a record breaking two rules counts under both).
        public var records: Int
        /// Records whose first reason it is (the quarantine only).
        public var first: Int
        /// Of `records`, those judged on the participant's golden values.
        public var onParticipant: Int
        public var examples: [Example]
    }

    public struct Example: Sendable, Codable, Equatable {
        /// `file#locator`.
        public var record: String
        public var message: String
        public var field: String?
        /// The field's value, masked.
        public var value: String?
    }

    public struct Clusters: Sendable, Codable, Equatable {
        /// Clusters of accepted participant records (participants of this run).
        public var count: Int
        public var largest: [Cluster]
    }

    public struct Cluster: Sendable, Codable, Equatable {
        /// The key of the cluster's first record.
        public var cluster: String
        public var participant: String?
        public var records: Int
        public var sources: [String]
    }

    public struct Participants: Sendable, Codable, Equatable {
        /// Distinct participant ids of this run's accepted records (after export).
        public var ids: Int
        /// Ids the registry did not hold before this run; nil when the report was written without the registry.
        public var new: [String]?
        /// Ids that took in records of several of this run's clusters (merged through identifiers the registry knew).
        public var merged: [String]
        /// Clusters validate split again after quarantining the records that linked them.
        public var split: [Split]
    }

    public struct Split: Sendable, Codable, Equatable {
        public var cluster: String
        public var parts: Int
        public var participants: [String]
    }
}
