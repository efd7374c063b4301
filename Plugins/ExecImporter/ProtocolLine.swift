internal import Logging
import MusterCore

/// One line of a command's output, understood: the `muster-exec/1` line types
/// (docs/exec-protocol.md). Building one checks every member, so a typo in a tap
/// (`"feilds"`) is reported on its line instead of giving an empty record.
enum ProtocolLine {
    /// The first line: which protocol the command speaks.
    case hello(protocol: String, tap: String?)
    case record(RecordLine)
    /// The command could not read one record of its own input: quarantined with this message.
    case error(message: String, locator: String?, raw: String?)
    case log(level: Logger.Level, message: String)

    static let version = "muster-exec/1"
    static let types = ["hello", "record", "error", "log"]
    static let logLevels: [Logger.Level] = [.debug, .info, .notice, .warning, .error]

    /// Reads a parsed line; the thrown message names the member at fault and never its value.
    init(_ value: JSONValue) throws(LineProblem) {
        guard case .object = value else { throw LineProblem("line is not a JSON object") }
        let typeList = Self.types.map { "\"\($0)\"" }.joined(separator: ", ")
        guard let typeValue = value["type"] else { throw LineProblem("missing \"type\"; \(Self.version) lines are \(typeList)") }
        guard case .string(let type) = typeValue, Self.types.contains(type) else {
            let found = typeValue.scalarText.map { "\"\(LogText.clip($0, to: 40))\"" } ?? typeValue.summary
            throw LineProblem("unknown type \(found); \(Self.version) lines are \(typeList)")
        }
        switch type {
        case "hello":
            let members = try Members(value, of: "hello", allowed: ["type", "protocol", "tap"])
            guard let version = try members.string("protocol") else { throw LineProblem("hello: missing \"protocol\"") }
            self = .hello(protocol: version, tap: try members.string("tap"))
        case "record":
            self = .record(try RecordLine(value))
        case "error":
            let members = try Members(value, of: "error", allowed: ["type", "message", "locator", "raw"])
            guard let message = try members.string("message") else { throw LineProblem("error: missing \"message\"") }
            self = .error(message: message, locator: try members.locator(), raw: try members.string("raw"))
        default:
            let members = try Members(value, of: "log", allowed: ["type", "level", "message"])
            guard let message = try members.string("message") else { throw LineProblem("log: missing \"message\"") }
            var level = Logger.Level.info
            if let name = try members.string("level") {
                guard let known = Logger.Level(rawValue: name), Self.logLevels.contains(known) else {
                    let names = Self.logLevels.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                    throw LineProblem("log: level: expected one of \(names)")
                }
                level = known
            }
            self = .log(level: level, message: message)
        }
    }
}

/// Why one line could not be read; becomes the rejected record's message.
struct LineProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// The members of one protocol object, checked against the keys its type allows.
struct Members {
    let owner: String
    /// At most a handful of members: a linear search beats hashing here.
    private let values: [(key: String, value: JSONValue)]

    init(_ value: JSONValue, of owner: String, allowed: [String]) throws(LineProblem) {
        guard case .object(let members) = value else { throw LineProblem("\(owner): expected an object") }
        self.owner = owner
        for member in members {
            guard allowed.contains(member.key) else {
                let key = LogText.clip(member.key, to: 40)
                if let suggestion = EditDistance.suggestion(for: member.key, among: allowed) {
                    throw LineProblem("\(owner): unknown key \"\(key)\"; did you mean \"\(suggestion)\"?")
                }
                throw LineProblem("\(owner): unknown key \"\(key)\"; the keys are: \(allowed.joined(separator: ", "))")
            }
        }
        values = members
    }

    /// The member named `key` (the last one if repeated), nil when absent or null.
    subscript(key: String) -> JSONValue? {
        guard let value = values.last(where: { $0.key == key })?.value, value != .null else { return nil }
        return value
    }

    /// A string member, nil when absent or null.
    func string(_ key: String) throws(LineProblem) -> String? {
        guard let value = self[key] else { return nil }
        guard case .string(let text) = value else { throw LineProblem("\(owner): \(key): expected a string, found \(value.kindName)") }
        return text
    }

    /// A scalar member (string, number or boolean) as text, nil when absent or null.
    func scalar(_ key: String) throws(LineProblem) -> String? {
        guard let value = self[key] else { return nil }
        guard let text = value.scalarText else {
            throw LineProblem("\(owner): \(key): expected a string, number or boolean, found \(value.kindName)")
        }
        return text
    }

    /// The `locator` member, checked: non-empty, one line, and not muster's own `line:N` form.
    func locator() throws(LineProblem) -> String? {
        guard let locator = try string("locator") else { return nil }
        guard !locator.isEmpty, !locator.contains(where: \.isNewline) else {
            throw LineProblem("\(owner): locator: expected a non-empty string on one line")
        }
        if locator.hasPrefix("line:"), !locator.dropFirst(5).isEmpty, locator.dropFirst(5).allSatisfy(\.isASCIIDigit) {
            throw LineProblem(
                "\(owner): locator \"\(locator)\" is reserved for muster's own line numbers; use another prefix, such as \"row:\(locator.dropFirst(5))\"")
        }
        return locator
    }
}

extension JSONValue {
    /// The JSON type in words, for messages that must not repeat a value.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
