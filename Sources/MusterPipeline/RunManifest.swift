public import MusterCore

/// What one run did, saved as `manifest.json` in its run folder: which stages ran, their
/// counts, checkpoints, hashes and timings, the reconciliation, and the outcome.
public struct RunManifest: Sendable, Codable {
    /// How a run ended; the CLI maps each to a documented exit code.
    public enum Status: String, Sendable, Codable {
        case running
        case ok
        case failed
        case overThreshold = "over-threshold"
        case unbalanced
    }

    /// One stage's part in the run.
    public struct StageReport: Sendable, Codable {
        public var index: Int
        public var name: String
        public var type: String
        /// Checkpoint file name inside the run folder; nil for the stage that writes the
        /// registry, whose output is the registry itself.
        public var checkpoint: String?
        public var recordsIn: Int
        public var recordsOut: Int
        /// Records this stage quarantined.
        public var quarantined: Int
        /// Quarantined records in its output, whichever stage quarantined them.
        public var quarantinedTotal: Int
        public var contentHash: String
        /// The stage's own working time: without the stages after it and without
        /// `checkpointWaitSeconds`.
        public var seconds: Double
        public var recordsPerSecond: Double
        /// Where its input came from when it was not the stage before it in this run.
        public var input: String?
        /// Time the stage waited for its checkpoint writer to catch up (back-pressure when the
        /// machine's cores are all busy), kept apart so `seconds` stays the stage's own cost.
        public var checkpointWaitSeconds: Double?
        /// The checkpoint's size on disk (compressed; patches where the stage streams).
        public var checkpointBytes: Int?
    }

    public var runID: String
    public var pipeline: String
    public var startedAt: String
    public var finishedAt: String?
    public var status: Status
    /// `run`, `run --stage dedupe`, `run --from validate` …
    public var mode: String
    public var stages: [StageReport]
    public var reconciliation: Reconciliation?
    public var diagnostics: [Diagnostics.Entry]
    /// Why the run did not end ok, one line each.
    public var problems: [String]
    /// Older run folders this run removed (`keepRuns` in pipeline.json).
    public var prunedRuns: [String]?
}
