/// Field name → value for one record: a record's raw fields, or its canonical values.
///
/// It does what a `[String: String]` did, laid out for what a record holds: 5 to 25
/// members, almost all named by a ``Field`` constant. Members stay sorted by name in the
/// order JSON output uses, so writing a record needs no sort, and a known name is found by
/// a small rank (no SipHash): a dictionary's hashing was a sixth of the normalize stage and
/// the largest cost of reading and writing checkpoints.
///
/// Names outside ``Field`` work the same, a little slower.
public struct FieldValues: Sendable, Hashable {
    @usableFromInline
    struct Entry: Sendable, Hashable {
        @usableFromInline let key: String
        @usableFromInline var value: String
    }

    /// Members with a known name, in rank order (which is their names' byte order); bit
    /// `rank` of `present` is set for each, so a member's index is a popcount away.
    @usableFromInline var known: [Entry]
    @usableFromInline var present: UInt64
    /// Members with other names, in byte order: rare, kept apart so they cost the rest nothing.
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
            let rank = Self.rank(of: key)
            if rank != Self.unknownRank {
                let bit = UInt64(1) << rank
                return present & bit == 0 ? nil : known[Self.index(of: bit, in: present)].value
            }
            guard case .found(let index) = otherPosition(of: key) else { return nil }
            return others[index].value
        }
        set {
            let rank = Self.rank(of: key)
            if rank != Self.unknownRank {
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
            if o == others.count || (k < known.count && JSONWriter.precedes(known[k].key, others[o].key)) {
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
    /// (``knownRank(of:)``): code that dispatches on the name can use the rank instead of
    /// comparing strings, and no iterator or tuple is made per member.
    package func forEachMember(_ body: (_ rank: Int?, _ key: String, _ value: String) throws -> Void) rethrows {
        var bits = present
        var (k, o) = (0, 0)
        while k < known.count || o < others.count {
            if o == others.count || (k < known.count && JSONWriter.precedes(known[k].key, others[o].key)) {
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

    private enum Position { case found(Int), insert(Int) }

    private func otherPosition(of key: String) -> Position {
        for (index, entry) in others.enumerated() {
            if entry.key == key { return .found(index) }
            if JSONWriter.precedes(key, entry.key) { return .insert(index) }
        }
        return .insert(others.count)
    }
}

// MARK: - Known names

extension FieldValues {
    @usableFromInline static let unknownRank = UInt16.max

    /// Every ``Field`` name, in byte order: a member's rank is its index here.
    static let knownKeys: [String] = [
        Field.name, Field.nik, Field.phone, Field.email, Field.birthDate, Field.birthPlace, Field.gender, Field.address,
        Field.kelurahan, Field.kecamatan, Field.postalCode, Field.sector, Field.businessName, Field.externalID,
        Field.submittedAt, Field.honorific, Field.degree, Field.nameKey, Field.otherPhones, Field.phoneType,
        Field.kecamatanCode, Field.kelurahanCode, Field.nikDistrict, Field.nikBirthDate, Field.nikGender, Field.derived,
        Field.guid, Field.title, Field.link, Field.published, Field.author, Field.categories, Field.text,
    ].sorted(by: JSONWriter.precedes)

    /// Open addressing over a short fingerprint of the name (length, first and last bytes):
    /// each slot holds a rank + 1, 0 when empty.
    private static let slotCount = 256
    private static let slots: [UInt16] = {
        precondition(knownKeys.count <= 64, "known names must fit the 64 presence bits")
        var slots = [UInt16](repeating: 0, count: slotCount)
        for (rank, key) in knownKeys.enumerated() {
            var slot = fingerprint(Array(key.utf8))
            while slots[slot] != 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = UInt16(rank + 1)
        }
        return slots
    }()

    @inline(__always)
    private static func fingerprint(_ bytes: some Collection<UInt8>) -> Int {
        guard let first = bytes.first else { return 0 }
        let mixed = (UInt32(bytes.count) &* 0x9E37_79B1) ^ (UInt32(first) &* 0x85EB_CA77) ^ (UInt32(bytes[bytes.index(bytes.endIndex, offsetBy: -1)]) &* 0xC2B2_AE3D)
        return Int(mixed >> 24)
    }

    /// The rank of a ``Field`` name (0..<64, stable for the life of the process), or nil.
    package static func knownRank(of key: String) -> Int? {
        let rank: UInt16 = rank(of: key)
        return rank == unknownRank ? nil : Int(rank)
    }

    /// The rank of a known name, or ``unknownRank``.
    static func rank(of key: String) -> UInt16 {
        let utf8 = key.utf8
        var slot = utf8.withContiguousStorageIfAvailable { fingerprint($0) } ?? fingerprint(Array(utf8))
        while true {
            let stored = slots[slot]
            if stored == 0 { return unknownRank }
            if knownKeys[Int(stored) - 1] == key { return stored - 1 }
            slot = (slot + 1) & (slotCount - 1)
        }
    }
}

// MARK: - Collection conformances

extension FieldValues: Sequence {
    public typealias Element = (key: String, value: String)

    /// Walks the known and the other members together, in byte order of their names.
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
            } else if nextKnown < known.count, JSONWriter.precedes(known[nextKnown].key, others[nextOther].key) {
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

    /// A JSON object, as a dictionary was.
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
