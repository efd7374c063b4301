/// Suggests the nearest known word for a mistyped one ("Did you mean 'threshold'?").
package enum EditDistance {
    /// Levenshtein distance over Unicode scalars, case-insensitive.
    package static func between(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.lowercased().unicodeScalars)
        let b = Array(rhs.lowercased().unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The closest candidate if it is close enough to be a plausible typo, else nil.
    package static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(2, word.count / 3)
        return
            candidates
            .map { (candidate: $0, distance: between(word, $0)) }
            .filter { $0.distance <= limit && $0.distance < word.count }
            .min { $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate < $1.candidate }?
            .candidate
    }

    /// "unknown importer "csv"; did you mean 'csv-signup'? The importers are: …" — the
    /// message for a name that is not in a list, with the list.
    package static func unknownName(_ name: String, kind: String, plural: String, among candidates: [String]) -> String {
        var message = "unknown \(kind) \"\(name)\""
        if let suggestion = suggestion(for: name, among: candidates) {
            message += "; did you mean '\(suggestion)'? The \(plural) are: "
        } else {
            message += "; the \(plural) are: "
        }
        return message + candidates.joined(separator: ", ")
    }
}
