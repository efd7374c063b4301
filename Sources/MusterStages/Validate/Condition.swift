internal import MusterCore

/// The tiny expression language of `condition` rules: comparisons of fields with fields or
/// literals, joined by `and`, `or`, `not` and parentheses. A bare field name means "has a
/// value". Nothing else — no functions, no regular expressions — so a rule can neither
/// loop nor reach outside the record.
///
/// ```
/// gender == "P" or not nikGender
/// sector != "lainnya" and (phone or email)
/// birthDate >= "1950-01-01"
/// ```
///
/// Comparisons: `==`, `!=`, `<`, `<=`, `>`, `>=`. Two numbers compare as numbers, anything
/// else as text (so ISO dates compare correctly). A comparison with a missing field is false.
indirect enum Condition: Sendable, Equatable {
    enum Operand: Sendable, Equatable {
        case field(String)
        case literal(String)
    }

    enum Comparison: String, Sendable, CaseIterable {
        case equal = "=="
        case notEqual = "!="
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case less = "<"
        case greater = ">"
    }

    case present(String)
    case compare(Operand, Comparison, Operand)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)

    func evaluate(_ values: FieldValues) -> Bool {
        switch self {
        case .present(let field): return !(values[field] ?? "").isEmpty
        case .not(let inner): return !inner.evaluate(values)
        case .and(let lhs, let rhs): return lhs.evaluate(values) && rhs.evaluate(values)
        case .or(let lhs, let rhs): return lhs.evaluate(values) || rhs.evaluate(values)
        case .compare(let lhs, let comparison, let rhs):
            guard let left = Self.value(lhs, values), let right = Self.value(rhs, values) else { return false }
            if let a = Double(left), let b = Double(right) { return Self.holds(comparison, a, b) }
            return Self.holds(comparison, left, right)
        }
    }

    /// The fields the condition reads, for checking them against the known fields.
    var fields: [String] {
        switch self {
        case .present(let field): [field]
        case .not(let inner): inner.fields
        case .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.fields + rhs.fields
        case .compare(let lhs, _, let rhs):
            [lhs, rhs].compactMap { if case .field(let name) = $0 { name } else { nil } }
        }
    }

    private static func value(_ operand: Operand, _ values: FieldValues) -> String? {
        switch operand {
        case .field(let name): values[name].flatMap { $0.isEmpty ? nil : $0 }
        case .literal(let text): text
        }
    }

    private static func holds<T: Comparable>(_ comparison: Comparison, _ a: T, _ b: T) -> Bool {
        switch comparison {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        }
    }
}
