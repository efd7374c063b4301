/// The `Decoder` behind ``ConfigDecoder``: reads a ``JSONValue`` tree and records which
/// object keys were asked for.
struct JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let tracker: KeyTracker
    let basePath: String
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var renderedPath: String { ConfigPath.render(codingPath, under: basePath) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw DecodingError.typeMismatch([String: JSONValue].self, .init(codingPath: codingPath, debugDescription: "an object"))
        }
        tracker.open(path: renderedPath, present: members.map(\.key))
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else {
            throw DecodingError.typeMismatch([JSONValue].self, .init(codingPath: codingPath, debugDescription: "an array"))
        }
        return UnkeyedContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValue(decoder: self) }

    func child(_ value: JSONValue, key: any CodingKey) -> JSONValueDecoder {
        JSONValueDecoder(value: value, codingPath: codingPath + [key], tracker: tracker, basePath: basePath)
    }

    func decodeScalar<T: Decodable>(_ type: T.Type) throws -> T {
        if let raw = value as? T { return raw }
        switch value {
        case .string(let text):
            if let typed = text as? T { return typed }
        case .bool(let flag):
            if let typed = flag as? T { return typed }
        case .number(let text):
            if T.self == Double.self, let number = Double(text), let typed = number as? T { return typed }
            if T.self == Int.self, let number = Int(text), let typed = number as? T { return typed }
        default:
            break
        }
        if case .null = value { throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "")) }
        if type is String.Type || type is Bool.Type || type is Double.Type || type is Int.Type {
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: ""))
        }
        return try T(from: self)
    }
}

extension JSONValueDecoder {
    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: JSONValueDecoder
        let members: [(key: String, value: JSONValue)]
        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] {
            decoder.tracker.askedAll(at: decoder.renderedPath)
            return members.compactMap { Key(stringValue: $0.key) }
        }

        private func lookup(_ key: Key) -> JSONValue? {
            decoder.tracker.asked(key.stringValue, at: decoder.renderedPath)
            return members.last { $0.key == key.stringValue }?.value
        }

        func contains(_ key: Key) -> Bool { lookup(key) != nil }

        func decodeNil(forKey key: Key) throws -> Bool {
            guard let value = lookup(key) else { return true }
            return value == .null
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard let value = lookup(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: ""))
            }
            return try decoder.child(value, key: key).decodeScalar(type)
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let value = lookup(key), value != .null else { return nil }
            return try decoder.child(value, key: key).decodeScalar(type)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            guard let value = lookup(key) else { throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "")) }
            return try decoder.child(value, key: key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            guard let value = lookup(key) else { throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "")) }
            return try decoder.child(value, key: key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { decoder }
        func superDecoder(forKey key: Key) throws -> any Decoder {
            decoder.child(lookup(key) ?? .null, key: key)
        }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let decoder: JSONValueDecoder
        let items: [JSONValue]
        var currentIndex = 0
        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        private mutating func next() throws -> JSONValueDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(JSONValue.self, .init(codingPath: codingPath, debugDescription: "no more items"))
            }
            defer { currentIndex += 1 }
            return decoder.child(items[currentIndex], key: AnyCodingKey(intValue: currentIndex))
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, items[currentIndex] == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeScalar(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
        mutating func superDecoder() throws -> any Decoder { try next() }
    }

    struct SingleValue: SingleValueDecodingContainer {
        let decoder: JSONValueDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }
        func decodeNil() -> Bool { decoder.value == .null }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeScalar(type) }
    }
}

extension JSONValue: Decodable {
    /// Decoding a ``JSONValue`` through ``ConfigDecoder`` yields the raw subtree (used for
    /// options that are decoded later by the component that owns them).
    public init(from decoder: any Decoder) throws {
        guard let decoder = decoder as? JSONValueDecoder else {
            throw DecodingError.typeMismatch(
                JSONValue.self, .init(codingPath: decoder.codingPath, debugDescription: "JSONValue decodes only through ConfigDecoder"))
        }
        self = decoder.value
    }
}
