internal import Foundation

/// The whole of pipeline.json: sources, stages in order, the work directory and the
/// quarantine limit. Loading checks the envelope; ``check(importers:stages:)`` checks every
/// component's options, so a bad config is refused before anything runs.
public struct PipelineConfiguration: Sendable {
    /// The file as the operator named it, used in every message.
    public var file: String
    /// The folder that relative paths in the file are resolved against (the file's folder).
    public var baseDirectory: String
    /// Where checkpoints, run manifests and locks go, relative to ``baseDirectory``.
    public var workDirectory: String
    public var sources: [SourceConfiguration]
    public var stages: [StageConfiguration]
    /// Largest share of all records that may be quarantined before the run fails (exit 4).
    public var maxQuarantinedShare: Double
    /// How many run folders the work directory keeps; older ones are pruned after each run,
    /// except the newest completed checkpoint of every stage, so a single-stage run still
    /// finds its input.
    public var keepRuns: Int

    private struct Document: Decodable {
        var version: Int
        var workDirectory: String
        var sources: [SourceConfiguration]
        var stages: [StageConfiguration]
        var maxQuarantinedShare: Double
        var keepRuns: Int

        private enum CodingKeys: String, CodingKey {
            case version, workDirectory, sources, stages, maxQuarantinedShare, keepRuns
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            version = try container.decode(Int.self, forKey: .version, in: 1...1)
            workDirectory = try container.decodeIfPresent(String.self, forKey: .workDirectory) ?? ".muster"
            sources = try container.decode([SourceConfiguration].self, forKey: .sources)
            stages = try container.decode([StageConfiguration].self, forKey: .stages)
            maxQuarantinedShare =
                container.contains(.maxQuarantinedShare)
                ? try container.decode(Double.self, forKey: .maxQuarantinedShare, in: 0...1) : 1
            keepRuns = container.contains(.keepRuns) ? try container.decode(Int.self, forKey: .keepRuns, in: 1...100_000) : 7
            if stages.isEmpty {
                throw DecodingError.dataCorruptedError(forKey: .stages, in: container, debugDescription: "at least one stage")
            }
        }
    }

    /// Reads and checks the envelope of a pipeline file.
    package static func load(file: String) throws(ConfigError) -> PipelineConfiguration {
        let url = URL(fileURLWithPath: file)
        guard let data = try? Data(contentsOf: url) else {
            throw ConfigError(file: file, path: "", message: "cannot read the file (does it exist?)")
        }
        return try parse(data: Array(data), file: file, baseDirectory: url.deletingLastPathComponent().path)
    }

    /// Parses pipeline JSON held in memory (tests, stdin).
    package static func parse(data: [UInt8], file: String, baseDirectory: String) throws(ConfigError) -> PipelineConfiguration {
        let root: JSONValue
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw ConfigError(file: file, path: "", message: "line \(error.line), column \(error.column): \(error.message)")
        }
        let document = try ConfigDecoder(file: file).decode(Document.self, from: root)
        var configuration = PipelineConfiguration(
            file: file,
            baseDirectory: baseDirectory,
            workDirectory: document.workDirectory,
            sources: document.sources,
            stages: document.stages,
            maxQuarantinedShare: document.maxQuarantinedShare,
            keepRuns: document.keepRuns
        )
        try configuration.checkNames()
        configuration.baseDirectory = baseDirectory.isEmpty ? "." : baseDirectory
        return configuration
    }

    public init(
        file: String,
        baseDirectory: String,
        workDirectory: String = ".muster",
        sources: [SourceConfiguration],
        stages: [StageConfiguration],
        maxQuarantinedShare: Double = 1,
        keepRuns: Int = 7
    ) {
        self.file = file
        self.baseDirectory = baseDirectory
        self.workDirectory = workDirectory
        self.sources = sources
        self.stages = stages
        self.maxQuarantinedShare = maxQuarantinedShare
        self.keepRuns = keepRuns
    }

    private func checkNames() throws(ConfigError) {
        var seenSources: Set<String> = []
        for (index, source) in sources.enumerated() where !seenSources.insert(source.id).inserted {
            throw ConfigError(file: file, path: "sources[\(index)].id", message: "expected a unique source id, found \"\(source.id)\" a second time")
        }
        var seenStages: Set<String> = []
        for (index, stage) in stages.enumerated() where !seenStages.insert(stage.name).inserted {
            throw ConfigError(
                file: file,
                path: "stages[\(index)].name",
                message: "expected a unique stage name, found \"\(stage.name)\" a second time; give one of them a \"name\""
            )
        }
    }

    /// Checks every source's importer and every stage's type and options against the
    /// registries, collecting all problems.
    package func check(importers: ImporterRegistry, stages registry: StageRegistry) throws(ConfigErrors) {
        var errors: [ConfigError] = []
        let decoder = ConfigDecoder(file: file)
        for source in sources {
            do {
                _ = try importers.build(source, decoder: decoder)
            } catch {
                errors.append(error)
            }
        }
        for stage in stages {
            do {
                _ = try registry.decodeOptions(stage, decoder: decoder)
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw ConfigErrors(errors) }
    }

    /// The index of the stage named `name`, or a config error listing the names that exist.
    package func stageIndex(named name: String) throws(ConfigError) -> Int {
        if let index = stages.firstIndex(where: { $0.name == name }) { return index }
        let message = EditDistance.unknownName(name, kind: "stage name", plural: "stage names", among: stages.map(\.name))
        throw ConfigError(file: file, path: "stages", message: message)
    }

    /// Resolves a path from the file against ``baseDirectory``.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardizedFileURL.path
    }
}
