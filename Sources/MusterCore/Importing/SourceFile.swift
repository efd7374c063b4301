/// One input file matched by a source's globs.
public struct SourceFile: Sendable, Hashable {
    /// The path as recorded in provenance: relative to pipeline.json's folder when under it.
    public var path: String
    /// The absolute path to open.
    public var absolutePath: String

    public init(path: String, absolutePath: String) {
        self.path = path
        self.absolutePath = absolutePath
    }
}
