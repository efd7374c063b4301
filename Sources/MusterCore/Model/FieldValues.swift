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
    /// One member. `rank` orders the known names (their byte order); unknown names have
    /// ``FieldValues/unknownRank`` and are ordered by their bytes among the rest.
    @usableFromInline
    struct Entry: Sendable, Hashable {
        @usableFromInline let rank: UInt16
        @usableFromInline let key: String
        @usableFromInline var value: String
    }

    @usableFromInline var entries: [Entry]

    public init() {
        entries = []
    }

    public init(minimumCapacity: Int) {
        entries = []
        entries.reserveCapacity(minimumCapacity)
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

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    /// Names, in order.
    public var keys: [String] { entries.map(\.key) }
    /// The same members as a dictionary, for code that needs one.
    public var dictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: entries.lazy.map { ($0.key, $0.value) })
    }

    public subscript(key: String) -> String? {
        get {
            let rank = Self.rank(of: key)
            guard let index = position(of: key, rank: rank).found else { return nil }
            return entries[index].value
        }
        set {
            let rank = Self.rank(of: key)
            // Records are mostly built in name order (checkpoints, the normalize stage's
            // usual order): then a new member goes on the end without a search.
            if let newValue, let last = entries.last, Self.precedes(last.rank, last.key, rank, key) {
                entries.append(Entry(rank: rank, key: key, value: newValue))
                return
            }
            let (index, found) = position(of: key, rank: rank)
            switch (found != nil, newValue) {
            case (true, let value?): entries[index].value = value
            case (true, nil): entries.remove(at: index)
            case (false, let value?): entries.insert(Entry(rank: rank, key: key, value: value), at: index)
            case (false, nil): break
            }
        }
    }

    public subscript(key: String, default value: @autoclosure () -> String) -> String {
        self[key] ?? value()
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
        for index in copy.entries.indices { copy.entries[index].value = try value(index) }
        return copy
    }

    /// The members whose names pass `isIncluded`, in order.
    public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> FieldValues {
        var kept = self
        kept.entries = try entries.filter { try isIncluded(($0.key, $0.value)) }
        return kept
    }

    /// Where `key` is, or where it would go.
    private func position(of key: String, rank: UInt16) -> (index: Int, found: Int?) {
        // Few members: a linear pass over small ranks beats a binary search.
        for (index, entry) in entries.enumerated() {
            if rank != Self.unknownRank, entry.rank == rank { return (index, index) }
            if entry.rank == Self.unknownRank || rank == Self.unknownRank, entry.key == key { return (index, index) }
            if Self.precedes(rank, key, entry.rank, entry.key) { return (index, nil) }
        }
        return (entries.count, nil)
    }

    @inline(__always)
    private static func precedes(_ leftRank: UInt16, _ left: String, _ rightRank: UInt16, _ right: String) -> Bool {
        if leftRank != unknownRank, rightRank != unknownRank { return leftRank < rightRank }
        return JSONWriter.precedes(left, right)
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

    public struct Iterator: IteratorProtocol {
        private var base: IndexingIterator<[Entry]>

        fileprivate init(_ entries: [Entry]) { base = entries.makeIterator() }

        public mutating func next() -> Element? {
            base.next().map { ($0.key, $0.value) }
        }
    }

    public func makeIterator() -> Iterator { Iterator(entries) }

    public var underestimatedCount: Int { entries.count }
}

extension FieldValues: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }
}

extension FieldValues: CustomStringConvertible {
    public var description: String {
        "[" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
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
        for entry in entries { try container.encode(entry.value, forKey: Name(stringValue: entry.key)) }
    }
}
