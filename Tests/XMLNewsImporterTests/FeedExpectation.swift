/// A feedparser `Expect:` line (a Python expression over feedparser's result), reduced to
/// what can be checked against our records: `bozo` / `not bozo`, and equality chains
/// between entry fields and one literal.
///
/// The forms that occur in the corpus: `not bozo and entries[0]['title'] == u'…'`,
/// `entries[0]['link'] == entries[1]['link'] == '…'`, `entries[0]['title_detail']['value']
/// == '…'`, `entries[0]['published_parsed'] == (2003, 12, 31, 10, 14, 55, 2, 365, 0)`,
/// `… == 'a' + 'b'` (string concatenation), `(clause) and (clause)`. Any other clause
/// (calls, `in`, attribute access, comparisons other than `==`) is kept as unchecked text.
struct FeedExpectation {
    /// `entries[N]['key']['subkey']…`.
    struct EntryPath: Hashable, CustomStringConvertible {
        var entry: Int
        var keys: [String]
        var description: String { "entries[\(entry)]" + keys.map { "['\($0)']" }.joined() }
    }

    enum Literal: Equatable {
        case text(String)
        case integers([Int])
        case none
        /// Floats, booleans, nested tuples: nothing a kept field is compared with.
        case other
    }

    /// Every path in the chain equals `literal`.
    struct Comparison {
        var paths: [EntryPath]
        var literal: Literal
    }

    /// True for `not bozo`, false for `bozo`, nil when the expression does not say.
    var notBozo: Bool?
    var comparisons: [Comparison] = []
    var unchecked: [String] = []

    init(_ expression: String) {
        let tokens = Tokenizer.tokens(expression)
        for clause in Self.clauses(tokens) {
            read(clause)
        }
    }

    private mutating func read(_ clause: ArraySlice<Token>) {
        switch Array(clause) {
        case [.name("not"), .name("bozo")]: notBozo = true
        case [.name("bozo")]: notBozo = false
        default:
            if let comparison = Self.comparison(clause) {
                comparisons.append(comparison)
            } else {
                unchecked.append(clause.map(\.text).joined(separator: " "))
            }
        }
    }

    /// Top-level `and` clauses; a clause wrapped whole in parentheses is opened.
    static func clauses(_ tokens: [Token]) -> [ArraySlice<Token>] {
        var result: [ArraySlice<Token>] = []
        var depth = 0
        var start = 0
        for (index, token) in tokens.enumerated() {
            switch token {
            case .punct("("), .punct("["): depth += 1
            case .punct(")"), .punct("]"): depth -= 1
            case .name("and") where depth == 0:
                result.append(tokens[start..<index])
                start = index + 1
            default: break
            }
        }
        result.append(tokens[start...])
        return result.flatMap { clause -> [ArraySlice<Token>] in
            if clause.first == .punct("("), clause.last == .punct(")"), closes(clause) {
                return clauses(Array(clause.dropFirst().dropLast()))
            }
            return [clause]
        }
    }

    /// True when the opening parenthesis of `clause` is closed by its last token.
    private static func closes(_ clause: ArraySlice<Token>) -> Bool {
        var depth = 0
        for (offset, token) in clause.enumerated() {
            if token == .punct("(") { depth += 1 }
            if token == .punct(")") { depth -= 1 }
            if depth == 0 { return offset == clause.count - 1 }
        }
        return false
    }

    /// `operand == operand [== operand …]` with entry paths and exactly one literal.
    private static func comparison(_ clause: ArraySlice<Token>) -> Comparison? {
        var paths: [EntryPath] = []
        var literals: [Literal] = []
        for operand in clause.split(separator: .punct("=="), omittingEmptySubsequences: false) {
            if let path = entryPath(operand) {
                paths.append(path)
            } else if let literal = literal(operand) {
                literals.append(literal)
            } else {
                return nil
            }
        }
        guard !paths.isEmpty, literals.count == 1, let literal = literals.first else { return nil }
        return Comparison(paths: paths, literal: literal)
    }

    private static func entryPath(_ tokens: ArraySlice<Token>) -> EntryPath? {
        var tokens = Array(tokens)
        guard tokens.count >= 6, tokens.removeFirst() == .name("entries"), tokens.removeFirst() == .punct("["),
            case .integer(let entry) = tokens.removeFirst(), tokens.removeFirst() == .punct("]")
        else { return nil }
        var keys: [String] = []
        while tokens.count >= 3 {
            guard tokens[0] == .punct("["), case .string(let key) = tokens[1], tokens[2] == .punct("]") else { return nil }
            keys.append(key)
            tokens.removeFirst(3)
        }
        return tokens.isEmpty && !keys.isEmpty ? EntryPath(entry: entry, keys: keys) : nil
    }

    private static func literal(_ tokens: ArraySlice<Token>) -> Literal? {
        let tokens = Array(tokens)
        if tokens == [.name("None")] { return Literal.none }
        if tokens.count == 1, case .integer = tokens[0] { return .other }
        if case .string = tokens.first {
            var text = ""
            for (index, token) in tokens.enumerated() {
                if index % 2 == 1 {
                    guard token == .punct("+") else { return nil }
                } else {
                    guard case .string(let piece) = token else { return nil }
                    text += piece
                }
            }
            return .text(text)
        }
        if tokens.first == .punct("("), tokens.last == .punct(")") {
            var numbers: [Int] = []
            for (index, token) in tokens.dropFirst().dropLast().enumerated() {
                if index % 2 == 1 {
                    guard token == .punct(",") else { return .other }
                } else {
                    guard case .integer(let number) = token else { return .other }
                    numbers.append(number)
                }
            }
            return .integers(numbers)
        }
        if tokens.contains(.punct("(")) || tokens.contains(.punct(".")) { return nil }
        return tokens.isEmpty ? nil : .other
    }
}

/// A token of the Python subset the expectations use.
enum Token: Equatable {
    case name(String)
    case string(String)
    case integer(Int)
    /// A float or other number: compared with nothing we keep.
    case number(String)
    case punct(String)

    var text: String {
        switch self {
        case .name(let text), .number(let text), .punct(let text): text
        case .string(let text): "'\(text)'"
        case .integer(let value): "\(value)"
        }
    }
}

enum Tokenizer {
    static func tokens(_ expression: String) -> [Token] {
        let scalars = Array(expression.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index += 1
            } else if scalar == "'" || scalar == "\"" {
                tokens.append(.string(string(scalars, &index)))
            } else if ["u", "r", "b"].contains(scalar), index + 1 < scalars.count, scalars[index + 1] == "'" || scalars[index + 1] == "\"" {
                let raw = scalar == "r"
                index += 1
                tokens.append(.string(string(scalars, &index, raw: raw)))
            } else if scalar.properties.isAlphabetic || scalar == "_" {
                var name = ""
                while index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index] == "_" || ("0"..."9").contains(scalars[index]) {
                    name.unicodeScalars.append(scalars[index])
                    index += 1
                }
                tokens.append(.name(name))
            } else if ("0"..."9").contains(scalar) || (scalar == "-" && index + 1 < scalars.count && ("0"..."9").contains(scalars[index + 1])) {
                var number = String(scalar)
                index += 1
                while index < scalars.count, ("0"..."9").contains(scalars[index]) || scalars[index] == "." || scalars[index] == "e" {
                    number.unicodeScalars.append(scalars[index])
                    index += 1
                }
                tokens.append(Int(number).map(Token.integer) ?? .number(number))
            } else if index + 1 < scalars.count, ["==", "!=", ">=", "<="].contains(String(scalar) + String(scalars[index + 1])) {
                tokens.append(.punct(String(scalar) + String(scalars[index + 1])))
                index += 2
            } else {
                tokens.append(.punct(String(scalar)))
                index += 1
            }
        }
        return tokens
    }

    /// A quoted string starting at `index` (on the quote), with Python's escapes.
    private static func string(_ scalars: [Unicode.Scalar], _ index: inout Int, raw: Bool = false) -> String {
        let quote = scalars[index]
        index += 1
        var result = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != quote {
            var scalar = scalars[index]
            index += 1
            if scalar == "\\", !raw, index < scalars.count {
                let escape = scalars[index]
                index += 1
                switch escape {
                case "n": scalar = "\n"
                case "t": scalar = "\t"
                case "r": scalar = "\r"
                case "x", "u", "U":
                    let width = escape == "x" ? 2 : escape == "u" ? 4 : 8
                    let digits = String(String.UnicodeScalarView(scalars[index..<min(index + width, scalars.count)]))
                    index += width
                    scalar = UInt32(digits, radix: 16).flatMap(Unicode.Scalar.init) ?? "?"
                default: scalar = escape
                }
            }
            result.append(scalar)
        }
        index += 1
        return String(result)
    }
}
