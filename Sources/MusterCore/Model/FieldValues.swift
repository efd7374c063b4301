/// Field name → value for one record: a record's raw fields, or its canonical values.
///
/// A `[String: String]` in behaviour, laid out for what a record holds: 5 to 25 members,
/// almost all named by a ``Field`` constant. Members stay in ``FieldOrder``, the
/// order JSON output uses, so writing a record needs no sort, and a known name is found by
/// its rank, without hashing: normalize and the checkpoints read and write every member
/// of every record.
///
/// Names outside ``Field`` work the same, a little slower.
public struct FieldValues: Sendable, Hashable {
    @usableFromInline
    struct Entry: Sendable, Hashable {
        @usableFromInline let key: String
        @usableFromInline var value: String
    }

    /// Members with a ``Field`` name, in rank order (``FieldOrder``); bit `rank` of
    /// `present` is set for each, so a member's index is a popcount away.
    @usableFromInline var known: [Entry]
    @usableFromInline var present: UInt64
    /// Members with other names, in ``FieldOrder``: rare, kept apart so they cost the rest nothing.
    @usableFromInline var others: [Entry]

    public init() {
        known = []
        present = 0
        others = []
    }

    public init(minimumCapacity: Int) {
        self.init()
        known.reserveCapacity(minimumCapacity)
    }

    /// Members of a dictionary.
    public init(_ dictionary: [String: String]) {
        self.init(minimumCapacity: dictionary.count)
        for (key, value) in dictionary { self[key] = value }
    }

    /// Members from pairs; a later value for the same name wins.
    public init(_ pairs: some Sequence<(String, String)>) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { known.count + others.count }
    public var isEmpty: Bool { known.isEmpty && others.isEmpty }
    /// Names, in order.
    public var keys: [String] { map(\.key) }
    /// The same members as a dictionary, for code that needs one.
    public var dictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: lazy.map { ($0.key, $0.value) })
    }

    public subscript(key: String) -> String? {
        get {
            let rank = FieldOrder.rawRank(of: key)
            if rank != FieldOrder.unknownRank {
                let bit = UInt64(1) << rank
                return present & bit == 0 ? nil : known[Self.index(of: bit, in: present)].value
            }
            guard case .found(let index) = otherPosition(of: key) else { return nil }
            return others[index].value
        }
        set {
            let rank = FieldOrder.rawRank(of: key)
            if rank != FieldOrder.unknownRank {
                let bit = UInt64(1) << rank
                let index = Self.index(of: bit, in: present)
                switch (present & bit != 0, newValue) {
                case (true, let value?): known[index].value = value
                case (true, nil):
                    known.remove(at: index)
                    present &= ~bit
                case (false, let value?):
                    known.append(Entry(key: key, value: value))
                    if index < known.count - 1 {
                        // Into place by swaps: moves, no retains, unlike the generic insert.
                        known.withUnsafeMutableBufferPointer { entries in
                            for position in stride(from: entries.count - 1, to: index, by: -1) { entries.swapAt(position, position - 1) }
                        }
                    }
                    present |= bit
                case (false, nil): break
                }
                return
            }
            switch (otherPosition(of: key), newValue) {
            case (.found(let index), let value?): others[index].value = value
            case (.found(let index), nil): others.remove(at: index)
            case (.insert(let index), let value?): others.insert(Entry(key: key, value: value), at: index)
            case (.insert, nil): break
            }
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> String? {
        let old = self[key]
        if old != nil { self[key] = nil }
        return old
    }

    /// The same names with new values, by position (`0..<count`, in ``keys`` order): a
    /// sheet's rows all have its header's names, so they are laid out once.
    public func withValues<E: Error>(_ value: (_ position: Int) throws(E) -> String) throws(E) -> FieldValues {
        var copy = self
        var position = 0
        var (k, o) = (0, 0)
        while k < known.count || o < others.count {
            if o == others.count || (k < known.count && FieldOrder.precedes(known[k].key, others[o].key)) {
                copy.known[k].value = try value(position)
                k += 1
            } else {
                copy.others[o].value = try value(position)
                o += 1
            }
            position += 1
        }
        return copy
    }

    /// Calls `body` with each member in order and, for a ``Field`` name, its rank
    /// (``FieldOrder/rank(of:)``): code that dispatches on the name can use the rank instead of
    /// comparing strings, and no iterator or tuple is made per member.
    package func forEachMember(_ body: (_ rank: Int?, _ key: String, _ value: String) throws -> Void) rethrows {
        var bits = present
        var (k, o) = (0, 0)
        while k < known.count || o < others.count {
            if o == others.count || (k < known.count && FieldOrder.precedes(known[k].key, others[o].key)) {
                try body(bits.trailingZeroBitCount, known[k].key, known[k].value)
                bits &= bits &- 1
                k += 1
            } else {
                try body(nil, others[o].key, others[o].value)
                o += 1
            }
        }
    }

    @inline(__always)
    private static func index(of bit: UInt64, in present: UInt64) -> Int {
        (present & (bit &- 1)).nonzeroBitCount
    }

    private enum Position {
        case found(Int)
        case insert(Int)
    }

    private func otherPosition(of key: String) -> Position {
        for (index, entry) in others.enumerated() {
            if entry.key == key { return .found(index) }
            if FieldOrder.precedes(key, entry.key) { return .insert(index) }
        }
        return .insert(others.count)
    }
}

// MARK: - Collection conformances

extension FieldValues: Sequence {
    public typealias Element = (key: String, value: String)

    /// Walks the known and the other members together, in ``FieldOrder``.
    public struct Iterator: IteratorProtocol {
        private let known: [Entry]
        private let others: [Entry]
        private var nextKnown = 0
        private var nextOther = 0

        fileprivate init(_ values: FieldValues) {
            known = values.known
            others = values.others
        }

        public mutating func next() -> Element? {
            let entry: Entry
            if nextOther == others.count {
                guard nextKnown < known.count else { return nil }
                entry = known[nextKnown]
                nextKnown += 1
            } else if nextKnown < known.count, FieldOrder.precedes(known[nextKnown].key, others[nextOther].key) {
                entry = known[nextKnown]
                nextKnown += 1
            } else {
                entry = others[nextOther]
                nextOther += 1
            }
            return (entry.key, entry.value)
        }
    }

    public func makeIterator() -> Iterator { Iterator(self) }

    public var underestimatedCount: Int { count }
}

extension FieldValues: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }
}

extension FieldValues: CustomStringConvertible {
    public var description: String {
        "[" + map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}

extension FieldValues: Codable {
    private struct Name: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// A JSON object of strings, as `[String: String]` encodes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Name.self)
        self.init(minimumCapacity: container.allKeys.count)
        for name in container.allKeys { self[name.stringValue] = try container.decode(String.self, forKey: name) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Name.self)
        for (key, value) in self { try container.encode(value, forKey: Name(stringValue: key)) }
    }
}
