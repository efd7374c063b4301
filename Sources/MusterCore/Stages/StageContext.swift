public import Logging

/// Everything a stage gets besides its options: the run it belongs to and where things are.
public struct StageContext: Sendable {
    /// The run's id (`20261129T005050123Z-4f2a`).
    public var runID: String
    /// The stage's name in pipeline.json (its type unless renamed).
    public var stageName: String
    public var configuration: PipelineConfiguration
    /// The sources, resolved to importers and files; only the ingest stage reads them.
    public var sources: [ResolvedSource]
    /// The most records a batch should hold.
    public var batchSize: Int
    /// Collects warnings and file-level errors for the run summary.
    public var diagnostics: Diagnostics
    public var logger: Logger

    public init(
        runID: String,
        stageName: String,
        configuration: PipelineConfiguration,
        sources: [ResolvedSource] = [],
        batchSize: Int = 512,
        diagnostics: Diagnostics = Diagnostics(),
        logger: Logger = Logger(label: "muster.stage")
    ) {
        self.runID = runID
        self.stageName = stageName
        self.configuration = configuration
        self.sources = sources
        self.batchSize = batchSize
        self.diagnostics = diagnostics
        self.logger = logger
    }
}

/// A source with its importer built and its globs expanded to files.
public struct ResolvedSource: Sendable {
    public var configuration: SourceConfiguration
    public var importer: any Importer
    public var files: [SourceFile]

    public init(configuration: SourceConfiguration, importer: any Importer, files: [SourceFile]) {
        self.configuration = configuration
        self.importer = importer
        self.files = files
    }
}
