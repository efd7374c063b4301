/// What a stage is, for the registry, for pipeline.json and for `muster stages`.
public struct StageDescriptor: Sendable, Hashable {
    /// What a stage reads.
    public enum Input: String, Sendable, Hashable {
        /// Reads the pipeline's sources (ingest): runs first, needs no checkpoint.
        case sources
        /// Reads the previous stage's records.
        case records
    }

    /// The type name pipeline.json uses (`dedupe`).
    public var id: String
    public var summary: String
    public var input: Input
    public var options: [OptionDescriptor]
    /// The stage stores records in the registry: after it, every accepted record must carry
    /// a registry id, and the runner checks that they do.
    public var writesRegistry: Bool
    /// The stage holds every record until it finishes (dedupe). The runner then stores its
    /// checkpoint as whole records; a streaming stage's checkpoint stores only what it changed
    /// in each record, which needs each input record kept until its output is written.
    public var holdsAllRecords: Bool

    public init(
        id: String, summary: String, input: Input = .records, writesRegistry: Bool = false, holdsAllRecords: Bool = false,
        options: [OptionDescriptor]
    ) {
        self.id = id
        self.summary = summary
        self.input = input
        self.writesRegistry = writesRegistry
        self.holdsAllRecords = holdsAllRecords
        self.options = options
    }
}
