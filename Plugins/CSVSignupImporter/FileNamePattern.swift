/// The `sessionFromFileName` option compiled: a regular expression with exactly one
/// capture group, whose capture is the session code.
struct FileNamePattern {
    static let expectation = "a regular expression with exactly one capture group"

    private let regex: Regex<(Substring, Substring)>

    /// Nil when `pattern` does not compile or does not have exactly one capture group.
    init?(_ pattern: String) {
        guard let regex = try? Regex(pattern, as: (Substring, Substring).self) else { return nil }
        self.regex = regex
    }

    /// The captured session code in the file's name (its last path component), if it matches.
    func session(inPath path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let match = try? regex.firstMatch(in: name) else { return nil }
        let session = String(match.output.1)
        return session.isEmpty ? nil : session
    }
}
