/// What an importer is, for the registry, for pipeline.json and for `muster importers`.
public struct ImporterDescriptor: Sendable, Hashable {
    /// The name pipeline.json uses: lowercase kebab-case (`csv-signup`).
    public var id: String
    /// One line saying what the importer reads.
    public var summary: String
    /// File extensions it expects, for documentation (`csv`, `tsv`).
    public var fileTypes: [String]
    public var options: [OptionDescriptor]

    public init(id: String, summary: String, fileTypes: [String], options: [OptionDescriptor]) {
        self.id = id
        self.summary = summary
        self.fileTypes = fileTypes
        self.options = options
    }
}
