import MusterCore
import Testing

@testable import MusterStages

/// The context guard: a record with no identifier (a news row) merges outside its training
/// batch only on the same full name, and the same kelurahan and sector where both hold them.
@Suite struct PairScoringTests {
    static func record(_ fields: [String: String]) -> FieldValues { FieldValues(fields) }

    /// Whether the guard keeps the news row from merging with `other`.
    static func isOutsideContext(news: [String: String], other: [String: String]) -> Bool {
        // Both records carry one block key, so they pair whatever they hold.
        let records = [record(news.merging(["block": "1"]) { $1 }), record(other.merging(["block": "1"]) { $1 })]
        let pairs = CandidatePairs(records: records, rules: [BlockingRule(id: "together", parts: [.field("block")])])
        #expect(pairs.count == 1)
        var levels = PairLevels(comparisons: Comparison.defaults)
        levels.compute(pairs, columns: ComparisonColumns(comparisons: Comparison.defaults, records: records), workers: 1)
        let scoring = PairScoring(model: Fixtures.fixedWeights(), comparisons: Comparison.defaults, records: records, guards: MatchGuards())
        return scoring.scoredPair(0, first: 0, second: 1, weight: 0, levels: levels).outsideContext
    }

    static let sheet = [
        Field.nameKey: "lestari julianti", Field.nik: "3174064107800011", Field.kelurahanCode: "31.74.06.1002", Field.sector: "fesyen",
        Field.session: "JAHIT-CLD-145",
    ]

    @Test(arguments: [
        // Outside the batch: the full name and the kelurahan must agree, the sector where both name it.
        ([Field.nameKey: "lestari julianti", Field.kelurahanCode: "31.74.06.1002", Field.sector: "fesyen"], false),
        ([Field.nameKey: "lestari julianti", Field.kelurahanCode: "31.74.06.1002"], false),
        ([Field.nameKey: "lestari julianti", Field.kelurahanCode: "31.74.06.1002", Field.sector: "kuliner"], true),
        ([Field.nameKey: "lestari julianti", Field.kelurahanCode: "31.74.06.1003", Field.sector: "fesyen"], true),
        ([Field.nameKey: "lestari juliant", Field.kelurahanCode: "31.74.06.1002", Field.sector: "fesyen"], true),
        // In the batch, a close name is enough.
        ([Field.nameKey: "lestari juliant", Field.session: "JAHIT-CLD-145"], false),
        ([Field.nameKey: "budi santoso", Field.session: "JAHIT-CLD-145"], true),
    ])
    func aNewsRowMergesOnlyWhereItsContextVouches(news: [String: String], outside: Bool) {
        #expect(Self.isOutsideContext(news: news, other: Self.sheet) == outside)
    }

    @Test func aRecordWithAnIdentifierIsNotHeldByTheContextGuard() {
        var phoned = Self.sheet
        phoned[Field.session] = nil
        var other = phoned
        other[Field.nik] = nil
        other[Field.phone] = "+6281211112222"
        other[Field.sector] = "kuliner"
        #expect(!Self.isOutsideContext(news: phoned, other: other))
    }
}
