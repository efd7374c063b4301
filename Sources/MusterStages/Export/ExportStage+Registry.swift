package import MusterCore

extension ExportStage {
    /// The registry file a run of `configuration` writes, for the commands that read it
    /// afterwards (`quarantine`, `score`, the run report): the `registry` option of the
    /// pipeline's **last** stage of type `export`, whatever its name, decoded as the stage
    /// decodes it and resolved against pipeline.json's folder as the stage resolves it.
    /// Each export stage writes its own registry; the last one receives the run's final
    /// records, so it is the registry the run leaves. Without an export stage, the default
    /// `.muster/registry.sqlite`.
    package static func registryPath(in configuration: PipelineConfiguration) throws(ConfigError) -> String {
        var options = Options()
        if let stage = configuration.stages.last(where: { $0.type == descriptor.id }) {
            options = try ConfigDecoder(file: configuration.file)
                .decode(Options.self, from: stage.options, at: ConfigPath.append("options", to: stage.path))
        }
        return configuration.resolve(options.registry)
    }
}
