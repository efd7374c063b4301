#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Every path a mapping looks up, merged into one tree (`kontak.hp` and `kontak.email`
/// share `kontak`), so one pass over an object's members finds what every path needs
/// from it, where looking each path up alone would go over the same members again and
/// again. Its nodes hold only plain values, which keeps the per-record work free of
/// reference counting.
struct MappingPlan: Sendable {
    struct Node: Sendable {
        /// The step into this node from its parent: a member key or an array index.
        var isKey = false
        var index = 0
        /// The key as UTF-8 in ``keyBytes``, and as text in ``keyTexts`` for keys compared as Strings.
        var keyStart = 0
        var keyCount = 0
        var keyIsASCII = true
        var keyText = 0
        /// Length, first and last byte of an ASCII key: equal for equal keys, so most
        /// members are told apart by one comparison. 0 for a non-ASCII key or an index.
        var signature: UInt64 = 0
        /// Children are contiguous and come after their parent.
        var firstChild = 0
        var childCount = 0
        var hasKeyChildren = false
        /// A child's key is not ASCII: it may equal an ASCII key by canonical equivalence
        /// (`K` and the Kelvin sign), so it is compared as a String.
        var hasNonASCIIKeyChildren = false
        /// The highest index any child steps to, -1 for none.
        var maximumIndex = -1
    }

    private(set) var nodes: [Node] = []
    private(set) var keyBytes: [UInt8] = []
    private(set) var keyTexts: [String] = []

    /// The plan for `paths`, and the node each path ends at, in order (node 0 is where
    /// lookups start, the end of the empty path).
    static func build(_ paths: [JSONPath]) -> (plan: MappingPlan, ends: [Int]) {
        // First a plain tree, then laid out breadth first so children are contiguous.
        var components: [JSONPath.Component?] = [nil]
        var children: [[Int]] = [[]]
        var treeEnds: [Int] = []
        for path in paths {
            var current = 0
            for component in path.components {
                if let existing = children[current].first(where: { components[$0] == component }) {
                    current = existing
                } else {
                    components.append(component)
                    children.append([])
                    children[current].append(components.count - 1)
                    current = components.count - 1
                }
            }
            treeEnds.append(current)
        }
        var order = [0]
        var position = 0
        while position < order.count {
            order += children[order[position]]
            position += 1
        }
        var laidOut = [Int](repeating: 0, count: order.count)
        for (index, tree) in order.enumerated() { laidOut[tree] = index }
        var plan = MappingPlan()
        for tree in order {
            var node = Node()
            switch components[tree] {
            case .key(let key)?:
                node.isKey = true
                node.keyStart = plan.keyBytes.count
                plan.keyBytes += Array(key.utf8)
                node.keyCount = plan.keyBytes.count - node.keyStart
                node.keyIsASCII = key.utf8.allSatisfy { $0 < 0x80 }
                node.keyText = plan.keyTexts.count
                plan.keyTexts.append(key)
                if node.keyIsASCII, let first = key.utf8.first, let last = key.utf8.last {
                    node.signature = signature(count: node.keyCount, first: first, last: last)
                }
            case .index(let index)?:
                node.index = index
            case nil:
                break
            }
            let kids = children[tree].map { laidOut[$0] }
            node.firstChild = kids.min() ?? 0
            node.childCount = kids.count
            for kid in children[tree] {
                switch components[kid] {
                case .key(let key)?:
                    node.hasKeyChildren = true
                    if !key.utf8.allSatisfy({ $0 < 0x80 }) { node.hasNonASCIIKeyChildren = true }
                case .index(let index)?: node.maximumIndex = max(node.maximumIndex, index)
                case nil: break
                }
            }
            plan.nodes.append(node)
        }
        return (plan, treeEnds.map { laidOut[$0] })
    }

    /// For every node, the tape node its path reaches from the tape node `start`, or -1
    /// when a step is missing: `found[node]`. A repeated key resolves to its last
    /// occurrence, as ``JSONValue``'s subscript does.
    func match(_ tape: RecordTape, from start: Int, into found: inout [Int]) {
        found.removeAll(keepingCapacity: true)
        found.append(contentsOf: repeatElement(-1, count: nodes.count))
        found.withUnsafeMutableBufferPointer { found in
            nodes.withUnsafeBufferPointer { plan in
                tape.nodes.withUnsafeBufferPointer { values in
                    found[0] = start
                    // Parents come before their children, so one sweep reaches every depth.
                    for planIndex in 0..<plan.count {
                        let node = plan[planIndex]
                        let tapeIndex = found[planIndex]
                        guard tapeIndex >= 0, node.childCount > 0 else { continue }
                        let value = values[tapeIndex]
                        let children = node.firstChild..<node.firstChild + node.childCount
                        if value.kind == .object && node.hasKeyChildren {
                            var member = tapeIndex + 1
                            while member < value.next {
                                let key = values[member]
                                if key.isASCII && !key.isEscaped && key.count > 0 {
                                    let first = tape.bytes[key.start]
                                    let wanted = Self.signature(count: key.count, first: first, last: tape.bytes[key.start + key.count - 1])
                                    for child in children where plan[child].signature == wanted && keyMatches(key, plan[child], in: tape) {
                                        found[child] = member + 1
                                    }
                                    if node.hasNonASCIIKeyChildren {
                                        for child in children where plan[child].isKey && !plan[child].keyIsASCII && keyMatches(key, plan[child], in: tape) {
                                            found[child] = member + 1
                                        }
                                    }
                                } else {
                                    for child in children where plan[child].isKey && keyMatches(key, plan[child], in: tape) {
                                        found[child] = member + 1
                                    }
                                }
                                member = values[member + 1].next
                            }
                        } else if value.kind == .array && node.maximumIndex >= 0 {
                            var item = tapeIndex + 1
                            var position = 0
                            while item < value.next && position <= node.maximumIndex {
                                for child in children where !plan[child].isKey && plan[child].index == position {
                                    found[child] = item
                                }
                                item = values[item].next
                                position += 1
                            }
                        }
                    }
                }
            }
        }
    }

    private static func signature(count: Int, first: UInt8, last: UInt8) -> UInt64 {
        UInt64(truncatingIfNeeded: count) << 16 | UInt64(first) << 8 | UInt64(last)
    }

    /// Whether a member's key node is the plan node's key, with Swift's String equality
    /// (canonical equivalence), which for two ASCII texts is byte equality.
    private func keyMatches(_ key: RecordTape.Node, _ node: Node, in tape: RecordTape) -> Bool {
        if node.keyIsASCII && key.isASCII && !key.isEscaped {
            guard key.count == node.keyCount else { return false }
            return keyBytes.withUnsafeBufferPointer { wanted in
                memcmp(tape.bytes.baseAddress.unsafelyUnwrapped + key.start, wanted.baseAddress.unsafelyUnwrapped + node.keyStart, key.count) == 0
            }
        }
        return tape.text(of: key) == keyTexts[node.keyText]
    }
}
