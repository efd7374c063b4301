/// A ``JSONPath`` made ready for lookups on a tape: keys as UTF-8 bytes, so the usual
/// member (an ASCII key) is matched by comparing bytes, and the path rendered once.
struct TapePath: Sendable {
    enum Step: Sendable {
        case key(Key)
        case index(Int)
    }

    struct Key: Sendable {
        var text: String
        var utf8: [UInt8]
        var isASCII: Bool

        init(_ text: String) {
            self.text = text
            utf8 = Array(text.utf8)
            isASCII = utf8.allSatisfy { $0 < 0x80 }
        }
    }

    let steps: [Step]

    init(_ path: JSONPath) {
        steps = path.components.map { component in
            switch component {
            case .key(let key): .key(Key(key))
            case .index(let index): .index(index)
            }
        }
    }
}

extension RecordTape {
    /// The node `path` reaches from the node at `start`, or nil when a step is missing. A
    /// repeated key resolves to its last occurrence, as ``JSONValue``'s subscript does.
    func resolve(_ path: TapePath, from start: Int) -> Int? {
        var current = start
        for step in path.steps {
            let node = nodes[current]
            switch step {
            case .key(let key):
                guard node.kind == .object else { return nil }
                var found: Int?
                var member = current + 1
                while member < node.next {
                    if keyMatches(nodes[member], key) { found = member + 1 }
                    member = nodes[member + 1].next
                }
                guard let found else { return nil }
                current = found
            case .index(let wanted):
                guard node.kind == .array else { return nil }
                var item = current + 1
                var position = 0
                while item < node.next, position < wanted {
                    item = nodes[item].next
                    position += 1
                }
                guard item < node.next else { return nil }
                current = item
            }
        }
        return current
    }

    /// Whether a member's key node is `key`, with Swift's String equality (canonical
    /// equivalence), which for two ASCII texts is byte equality.
    func keyMatches(_ node: Node, _ key: TapePath.Key) -> Bool {
        if key.isASCII && node.isASCII && !node.isEscaped {
            guard node.count == key.utf8.count else { return false }
            return key.utf8.withUnsafeBufferPointer { wanted in
                for offset in 0..<node.count where bytes[node.start + offset] != wanted[offset] { return false }
                return true
            }
        }
        return text(of: node) == key.text
    }

    /// Appends a key's text (decoded) to `output`; false when it is not all ASCII.
    func appendKey(_ node: Node, to output: inout [UInt8]) -> Bool {
        let raw = UnsafeBufferPointer(rebasing: bytes[node.start..<node.start + node.count])
        guard node.isEscaped else {
            output.append(contentsOf: raw)
            return node.isASCII
        }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: raw.count))
        let written = output.withUnsafeMutableBufferPointer { Self.decode(raw, into: $0.baseAddress.unsafelyUnwrapped + start) }
        output.removeLast(raw.count - written)
        return node.isASCII
    }
}

extension TapePath {
    /// Appends the path as ``JSONPath/rendered(under:)`` writes it below the text already
    /// in `output` from `start` (`pelatihan[0]` + `kode` → `pelatihan[0].kode`); false when
    /// a key is not ASCII.
    func render(appendingTo output: inout [UInt8], from start: Int = 0) -> Bool {
        var isASCII = true
        for step in steps {
            switch step {
            case .key(let key):
                if output.count > start { output.append(UInt8(ascii: ".")) }
                output.append(contentsOf: key.utf8)
                isASCII = isASCII && key.isASCII
            case .index(let index):
                output.append(UInt8(ascii: "["))
                output.append(contentsOf: String(index).utf8)
                output.append(UInt8(ascii: "]"))
            }
        }
        return isASCII
    }
}
