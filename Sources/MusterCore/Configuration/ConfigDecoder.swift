/// Decodes configuration values (``JSONValue``) into `Decodable` option types with
/// operator-grade errors: every failure names the exact path and says what was expected
/// and what was found, and keys the type never asked for are reported as unknown, with
/// the nearest known key suggested.
///
/// Option types need no extra annotations: the keys a type reads (including optional
/// ones it merely asks for) are the known keys. To refuse a value that decodes but is out
/// of range, throw `DecodingError.dataCorruptedError(forKey:in:debugDescription:)` with the
/// expectation as the description ("a number between 0 and 1"), or use the
/// `decode(_:forKey:in:)` helpers on ``KeyedDecodingContainer``.
public struct ConfigDecoder {
    public var file: String

    public init(file: String) {
        self.file = file
    }

    /// Decodes `value`, which sits at `path` in the file, into `T`.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at path: String = "") throws(ConfigError) -> T {
        let tracker = KeyTracker()
        let decoder = JSONValueDecoder(value: value, codingPath: [], tracker: tracker, basePath: path)
        let result: T
        do {
            result = try T(from: decoder)
        } catch let error as ConfigError {
            throw error
        } catch let error as DecodingError {
            // A missing key is often a misspelt one: report the misspelling, which is the cause.
            if case .keyNotFound(let key, _) = error, let unknown = tracker.firstUnknownKey(),
                EditDistance.suggestion(for: unknown.key, among: [key.stringValue]) != nil
            {
                throw ConfigError(file: file, path: unknown.path, message: "unknown key; did you mean '\(key.stringValue)'?")
            }
            throw translate(error, root: value, basePath: path)
        } catch {
            throw ConfigError(file: file, path: path, message: "\(error)")
        }
        if let unknown = tracker.firstUnknownKey() {
            var message = "unknown key"
            if let suggestion = EditDistance.suggestion(for: unknown.key, among: unknown.known) {
                message += "; did you mean '\(suggestion)'?"
            } else if !unknown.known.isEmpty {
                message += "; the keys here are: \(unknown.known.sorted().joined(separator: ", "))"
            }
            throw ConfigError(file: file, path: unknown.path, message: message)
        }
        return result
    }

    private func translate(_ error: DecodingError, root: JSONValue, basePath: String) -> ConfigError {
        switch error {
        case .typeMismatch(let type, let context):
            let found = Self.value(at: context.codingPath, in: root)?.summary ?? "nothing"
            return ConfigError(
                file: file,
                path: ConfigPath.render(context.codingPath, under: basePath),
                message: "expected \(Self.describe(type)), found \(found)"
            )
        case .valueNotFound(let type, let context):
            return ConfigError(
                file: file,
                path: ConfigPath.render(context.codingPath, under: basePath),
                message: "expected \(Self.describe(type)), found null"
            )
        case .keyNotFound(let key, let context):
            return ConfigError(
                file: file,
                path: ConfigPath.render(context.codingPath + [key], under: basePath),
                message: "required key is missing"
            )
        case .dataCorrupted(let context):
            let found = Self.value(at: context.codingPath, in: root)?.summary ?? "nothing"
            return ConfigError(
                file: file,
                path: ConfigPath.render(context.codingPath, under: basePath),
                message: "expected \(context.debugDescription), found \(found)"
            )
        @unknown default:
            return ConfigError(file: file, path: basePath, message: "\(error)")
        }
    }

    static func value(at path: [any CodingKey], in root: JSONValue) -> JSONValue? {
        var current: JSONValue? = root
        for key in path {
            switch current {
            case .array(let items)?:
                guard let index = key.intValue, items.indices.contains(index) else { return nil }
                current = items[index]
            case .object?:
                current = current?[key.stringValue]
            default:
                return nil
            }
        }
        return current
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type: "an integer"
        case is Double.Type: "a number"
        case is JSONValue.Type: "a JSON value"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes a number that must lie in `range`; a wrong type or an out-of-range value both
    /// say `expected a number between A and B`.
    public func decode(_ type: Double.Type, forKey key: Key, in range: ClosedRange<Double>) throws -> Double {
        let expectation = "a number between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound))"
        guard let value = try? decode(Double.self, forKey: key), range.contains(value) else {
            if !contains(key) { throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: expectation)) }
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: expectation)
        }
        return value
    }

    /// Decodes an integer that must lie in `range`.
    public func decode(_ type: Int.Type, forKey key: Key, in range: ClosedRange<Int>) throws -> Int {
        let expectation = "an integer between \(range.lowerBound) and \(range.upperBound)"
        guard let value = try? decode(Int.self, forKey: key), range.contains(value) else {
            if !contains(key) { throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: expectation)) }
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: expectation)
        }
        return value
    }

    /// Decodes a string that must be one of `choices`.
    public func decode(_ type: String.Type, forKey key: Key, oneOf choices: [String]) throws -> String {
        let expectation = "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
        guard let value = try? decode(String.self, forKey: key), choices.contains(value) else {
            if !contains(key) { throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: expectation)) }
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: expectation)
        }
        return value
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}

/// Remembers, for every object the decoding opened, which keys the type asked for.
final class KeyTracker {
    private struct Entry {
        var path: String
        var present: [String]
        var asked: Set<String>
        var all: Bool
    }

    private var entries: [String: Entry] = [:]
    private var order: [String] = []

    func open(path: String, present: [String]) {
        if entries[path] == nil {
            entries[path] = Entry(path: path, present: present, asked: [], all: false)
            order.append(path)
        }
    }

    func asked(_ key: String, at path: String) { entries[path]?.asked.insert(key) }
    func askedAll(at path: String) { entries[path]?.all = true }

    func firstUnknownKey() -> (path: String, key: String, known: Set<String>)? {
        for path in order {
            guard let entry = entries[path], !entry.all else { continue }
            if let unknown = entry.present.first(where: { !entry.asked.contains($0) }) {
                return (ConfigPath.append(unknown, to: path), unknown, entry.asked)
            }
        }
        return nil
    }
}
