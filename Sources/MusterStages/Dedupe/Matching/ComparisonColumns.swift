internal import MusterCore

/// Every record's compared values, one column per comparison: a pair's level reads two array
/// slots instead of hashing field names in two records' dictionaries. A million records give
/// millions of candidate pairs and a million random ones, each compared on every comparison;
/// at that count the dictionary lookups cost more than the comparing.
struct ComparisonColumns: Sendable {
    let comparisons: [Comparison]
    /// Per comparison, per record: the value, nil when missing or empty.
    private let values: [[String?]]
    /// Per comparison: the columns of the other fields its levels read (``ComparisonLevel/sameField(_:)``).
    private let others: [[String: [String?]]]

    init(comparisons: [Comparison], records: [FieldValues]) {
        self.comparisons = comparisons
        func column(_ field: String) -> [String?] {
            records.map { values in values[field].flatMap { $0.isEmpty ? nil : $0 } }
        }
        values = comparisons.map { column($0.field) }
        others = comparisons.map { comparison in
            var columns: [String: [String?]] = [:]
            for case .sameField(let field) in comparison.levels where columns[field] == nil { columns[field] = column(field) }
            return columns
        }
    }

    /// Comparison `c`'s level between records `a` and `b` (``Comparison/level(_:_:)``).
    @inline(__always) func level(_ c: Int, _ a: Int, _ b: Int) -> Int {
        guard let left = values[c][a], let right = values[c][b] else { return Comparison.null }
        return comparisons[c].level(of: left, right) { field in
            guard let column = others[c][field] else { return (nil, nil) }
            return (column[a], column[b])
        }
    }

    /// Records `a` and `b`'s level on every comparison, as compared (no implication applied).
    func vector(_ a: Int, _ b: Int, into vector: inout [Int]) {
        for c in comparisons.indices { vector[c] = level(c, a, b) }
    }
}
