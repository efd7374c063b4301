/// The stages this build knows, by type id. Built once from the executable's explicit
/// list and frozen; two stages with one id are a startup error.
public struct StageRegistry: Sendable {
    public let stages: [any Stage.Type]
    private let byID: [String: any Stage.Type]

    public init(_ stages: [any Stage.Type]) throws(MusterError) {
        var byID: [String: any Stage.Type] = [:]
        for stage in stages {
            let id = stage.descriptor.id
            if byID[id] != nil {
                throw MusterError(.duplicateRegistration, "two stages are registered as \"\(id)\"")
            }
            byID[id] = stage
        }
        self.stages = stages
        self.byID = byID
    }

    public var ids: [String] { stages.map { $0.descriptor.id } }

    /// The stage type a configuration entry names, or an error listing the types that exist.
    package func type(for stage: StageConfiguration, file: String) throws(ConfigError) -> any Stage.Type {
        guard let type = byID[stage.type] else {
            let message = EditDistance.unknownName(stage.type, kind: "stage", plural: "stages", among: ids)
            throw ConfigError(file: file, path: ConfigPath.append("type", to: stage.path), message: message)
        }
        return type
    }

    /// Checks that a stage entry names a known type and that its options decode.
    package func decodeOptions(_ stage: StageConfiguration, decoder: ConfigDecoder) throws(ConfigError) -> any Sendable {
        try type(for: stage, file: decoder.file)
            .decodeOptions(stage.options, at: ConfigPath.append("options", to: stage.path), decoder: decoder)
    }
}
