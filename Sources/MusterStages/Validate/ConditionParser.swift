/// Parses ``Condition`` text by recursive descent: `or` binds loosest, then `and`, then
/// `not`, then a comparison or a parenthesized condition.
struct ConditionParser {
    /// Why a condition does not parse, with the 1-based column.
    struct Failure: Error, Equatable, CustomStringConvertible {
        var column: Int
        var problem: String
        var description: String { "column \(column): \(problem)" }
    }

    private enum Token: Equatable {
        case word(String)
        case text(String)
        case number(String)
        case symbol(String)
        case end
    }

    private let tokens: [(token: Token, column: Int)]
    private var position = 0

    static func parse(_ text: String) throws(Failure) -> Condition {
        var parser = ConditionParser(tokens: try tokenize(text))
        let condition = try parser.orExpression()
        guard parser.current == .end else { throw parser.failure("unexpected \(parser.describe(parser.current))") }
        return condition
    }

    private init(tokens: [(token: Token, column: Int)]) { self.tokens = tokens }

    private var current: Token { tokens[position].token }
    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }
    private func failure(_ problem: String) -> Failure { Failure(column: tokens[position].column, problem: problem) }

    private mutating func orExpression() throws(Failure) -> Condition {
        var result = try andExpression()
        while current == .word("or") {
            advance()
            result = .or(result, try andExpression())
        }
        return result
    }

    private mutating func andExpression() throws(Failure) -> Condition {
        var result = try notExpression()
        while current == .word("and") {
            advance()
            result = .and(result, try notExpression())
        }
        return result
    }

    private mutating func notExpression() throws(Failure) -> Condition {
        if current == .word("not") {
            advance()
            return .not(try notExpression())
        }
        if current == .symbol("(") {
            advance()
            let inner = try orExpression()
            guard current == .symbol(")") else { throw failure("expected ')', found \(describe(current))") }
            advance()
            return inner
        }
        let lhs = try operand()
        if case .symbol(let symbol) = current, let comparison = Condition.Comparison(rawValue: symbol) {
            advance()
            return .compare(lhs, comparison, try operand())
        }
        guard case .field(let name) = lhs else { throw failure("expected a comparison after a literal") }
        return .present(name)
    }

    private mutating func operand() throws(Failure) -> Condition.Operand {
        switch current {
        case .word(let word) where !["and", "or", "not"].contains(word):
            advance()
            return .field(word)
        case .text(let text), .number(let text):
            advance()
            return .literal(text)
        default:
            throw failure("expected a field name or a value, found \(describe(current))")
        }
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .word(let word): "'\(word)'"
        case .text: "a string"
        case .number(let number): number
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "the end"
        }
    }

    private static func tokenize(_ text: String) throws(Failure) -> [(token: Token, column: Int)] {
        let characters = Array(text)
        var tokens: [(token: Token, column: Int)] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.isWhitespace {
                index += 1
            } else if character.isLetter || character == "_" {
                var end = index
                while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" { end += 1 }
                tokens.append((.word(String(characters[index..<end])), column))
                index = end
            } else if character.isNumber || (character == "-" && index + 1 < characters.count && characters[index + 1].isNumber) {
                var end = index + 1
                while end < characters.count, characters[end].isNumber || characters[end] == "." { end += 1 }
                tokens.append((.number(String(characters[index..<end])), column))
                index = end
            } else if character == "\"" || character == "'" {
                guard let close = characters[(index + 1)...].firstIndex(of: character) else {
                    throw Failure(column: column, problem: "a string that is never closed")
                }
                tokens.append((.text(String(characters[(index + 1)..<close])), column))
                index = close + 1
            } else if "()".contains(character) {
                tokens.append((.symbol(String(character)), column))
                index += 1
            } else if let comparison = Condition.Comparison.allCases.first(where: { characters[index...].starts(with: Array($0.rawValue)) }) {
                tokens.append((.symbol(comparison.rawValue), column))
                index += comparison.rawValue.count
            } else {
                throw Failure(column: column, problem: "unexpected '\(character)'")
            }
        }
        tokens.append((.end, characters.count + 1))
        return tokens
    }
}
