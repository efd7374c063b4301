/// The importers this build knows, by id. Built once from the executable's explicit list
/// and frozen; two importers with one id are a startup error.
public struct ImporterRegistry: Sendable {
    public let importers: [any Importer.Type]
    private let byID: [String: any Importer.Type]

    public init(_ importers: [any Importer.Type]) throws(MusterError) {
        var byID: [String: any Importer.Type] = [:]
        for importer in importers {
            let id = importer.descriptor.id
            if byID[id] != nil {
                throw MusterError(.duplicateRegistration, "two importers are registered as \"\(id)\"")
            }
            byID[id] = importer
        }
        self.importers = importers.sorted { $0.descriptor.id < $1.descriptor.id }
        self.byID = byID
    }

    public var ids: [String] { importers.map { $0.descriptor.id } }

    package func importer(id: String) -> (any Importer.Type)? { byID[id] }

    /// Builds the importer a source names, with its options decoded and checked.
    package func build(_ source: SourceConfiguration, decoder: ConfigDecoder) throws(ConfigError) -> any Importer {
        guard let type = byID[source.importer] else {
            let message = EditDistance.unknownName(source.importer, kind: "importer", plural: "importers", among: ids)
            throw ConfigError(file: decoder.file, path: ConfigPath.append("importer", to: source.path), message: message)
        }
        return try type.build(options: source.options, at: ConfigPath.append("options", to: source.path), decoder: decoder)
    }
}
