import MusterCore

/// A dotted path into a JSON value (`data.items`, `kontak.hp`, `telepon[0]`), as operators
/// write it in options and as the importer renders it in locators and `extras` keys.
///
/// A leading `$` or `$.` is accepted and dropped; the empty path (or `$`) is the value itself.
/// Keys containing `.` or `[` cannot be addressed; such members still reach `extras`.
struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: an object member or an array index.
    enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    let components: [Component]

    init(components: [Component]) {
        self.components = components
    }

    /// Parses `text`; nil when it is not a path (an empty segment such as `a..b`, a bad index).
    init?(_ text: String) {
        var rest = Substring(text)
        var allowLeadingIndex = false
        if rest == "$" {
            rest = ""
        } else if rest.hasPrefix("$.") {
            rest = rest.dropFirst(2)
        } else if rest.hasPrefix("$[") {
            rest = rest.dropFirst()
            allowLeadingIndex = true
        }
        var components: [Component] = []
        if !rest.isEmpty {
            for (position, segment) in rest.split(separator: ".", omittingEmptySubsequences: false).enumerated() {
                guard let parsed = Self.parseSegment(segment, allowEmptyKey: allowLeadingIndex && position == 0) else { return nil }
                components += parsed
            }
        }
        self.components = components
    }

    private static func parseSegment(_ segment: Substring, allowEmptyKey: Bool) -> [Component]? {
        let key = segment.prefix { $0 != "[" }
        guard !key.contains("]") else { return nil }
        var components: [Component] = []
        if key.isEmpty {
            guard allowEmptyKey, !segment.isEmpty else { return nil }
        } else {
            components.append(.key(String(key)))
        }
        var rest = segment.dropFirst(key.count)
        while !rest.isEmpty {
            guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
            let digits = rest[rest.index(after: rest.startIndex)..<close]
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let index = Int(digits), index >= 0 else { return nil }
            components.append(.index(index))
            rest = rest[rest.index(after: close)...]
        }
        return components
    }

    /// The path as written in `extras` keys: `kontak.hp`, `pelatihan[0].kode`; empty for the root.
    var description: String { rendered(under: "") }

    /// The path rendered below `prefix` (itself a rendered path).
    func rendered(under prefix: String) -> String {
        var text = prefix
        for component in components {
            switch component {
            case .key(let key): text = Self.appending(key: key, to: text)
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    static func appending(key: String, to prefix: String) -> String {
        prefix.isEmpty ? key : prefix + "." + key
    }
}
