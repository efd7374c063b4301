internal import MusterCore

/// One id per training batch across the ways sources name it. Normalize reads a code
/// (`sessionCode`, from a sheet's file name or an export's training code) and a title key
/// (`sessionKey`, from a news item, a recap row or an export's training title); a record
/// holding both says the two name one batch. Joining every such pair gives each record the
/// batch's id, so a news row can be compared with the people who signed up for it.
///
/// No catalogue is needed: exports, which carry code and title together, teach the aliases.
struct SessionAliases {
    private var ids: [String: Int] = [:]
    private var sets = UnionFind(count: 0)
    /// Each set's name: its smallest code if it has one, else its smallest title key.
    private var names: [String] = []

    /// Learns from every record's code and title key.
    init(_ records: [FieldValues]) {
        for values in records {
            var code: Int?
            var key: Int?
            if let text = values[Field.sessionCode] { code = id(text) }
            if let text = values[Field.sessionKey] { key = id(text) }
            if let code, let key { sets.union(code, key) }
        }
        var best: [Int: String] = [:]
        for (name, id) in ids {
            let root = sets.find(id)
            guard let current = best[root] else {
                best[root] = name
                continue
            }
            // Codes (upper case, no `|`) name a batch before title keys; then the smaller.
            let isCode = !name.contains("|")
            let currentIsCode = !current.contains("|")
            if isCode != currentIsCode ? isCode : name < current { best[root] = name }
        }
        names = Array(repeating: "", count: ids.count)
        for (name, id) in ids { names[id] = best[sets.find(id)] ?? name }
    }

    /// The batch a record names, by its code or else its title key; nil when it names none.
    func session(of values: FieldValues) -> String? {
        guard let text = values[Field.sessionCode] ?? values[Field.sessionKey], let id = ids[text] else { return nil }
        return names[id]
    }

    private mutating func id(_ text: String) -> Int {
        if let id = ids[text] { return id }
        ids[text] = ids.count
        sets.append()
        return ids.count - 1
    }
}
