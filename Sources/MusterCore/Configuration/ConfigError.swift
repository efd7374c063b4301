/// A problem in pipeline.json, named by file and exact path, saying what was expected
/// and what was found:
/// `pipeline.json: stages[2].options.threshold: expected a number between 0 and 1, found "high"`.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configuration file as the operator named it.
    public var file: String
    /// Dotted path into the document (`stages[2].options.threshold`); empty for the whole file,
    /// or `line:column` for a syntax error.
    public var path: String
    /// What is wrong, phrased as `expected …, found …` where that fits.
    public var message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
    }
}

/// Several configuration problems found in one check, reported together so the operator
/// can fix them in one pass.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ConfigError]

    public init(_ errors: [ConfigError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
