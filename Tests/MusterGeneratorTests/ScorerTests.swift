import MusterGenerator
import Testing

/// The scorer's figures on small hand-made registries whose answers are known.
@Suite struct ScorerTests {
    /// Two people: A with three records, B with two; one invalid record of A; one programme.
    let truth = Truth(entries: [
        .init(ref: "s.csv#row:2", person: "A"), .init(ref: "s.csv#row:3", person: "A"), .init(ref: "e.json#$.data.items[0]", person: "A"),
        .init(ref: "s.csv#row:4", person: "B"), .init(ref: "u.ndjson#line:1", person: "B"),
        .init(ref: "s.csv#row:5", person: "A", invalidReason: "nik-format"),
        .init(ref: "f.xml#item:g1", person: nil),
    ])
    let invalid = [Scorer.Quarantined(ref: "s.csv#row:5", rules: ["nik-format"])]

    @Test func aPerfectRegistryScoresOne() {
        let accepted = [("s.csv#row:2", "P1"), ("s.csv#row:3", "P1"), ("e.json#$.data.items[0]", "P1"), ("s.csv#row:4", "P2"), ("u.ndjson#line:1", "P2")]
        let score = Scorer(truth: truth).score(accepted: accepted.map { .init(ref: $0.0, participant: $0.1) }, quarantined: invalid)
        #expect(score.pairPrecision == 1 && score.pairRecall == 1 && score.pairF1 == 1)
        #expect(score.truePairs == 4 && score.predictedPairs == 4)
        #expect(score.exactClusterRate == 1 && score.splitPeople == 0 && score.overMergedClusters == 0)
        #expect(score.validationPrecision == 1 && score.validationRecall == 1 && score.reasonAgreement == 1)
        #expect(score.missingRecords == 0 && score.unknownRecords == 0)
        #expect(score.people == 2 && score.clusters == 2 && score.validRecords == 5)
    }

    @Test func everyRecordAloneHasFullPrecisionAndNoRecall() {
        let refs = ["s.csv#row:2", "s.csv#row:3", "e.json#$.data.items[0]", "s.csv#row:4", "u.ndjson#line:1"]
        let score = Scorer(truth: truth).score(accepted: refs.enumerated().map { .init(ref: $1, participant: "P\($0)") }, quarantined: invalid)
        #expect(score.predictedPairs == 0 && score.pairPrecision == 1 && score.pairRecall == 0 && score.pairF1 == 0)
        #expect(score.splitPeople == 2 && score.exactClusterRate == 0 && score.overMergedClusters == 0 && score.clusters == 5)
    }

    @Test func everyRecordMergedHasFullRecallAndLowPrecision() {
        let refs = ["s.csv#row:2", "s.csv#row:3", "e.json#$.data.items[0]", "s.csv#row:4", "u.ndjson#line:1"]
        let score = Scorer(truth: truth).score(accepted: refs.map { .init(ref: $0, participant: "P1") }, quarantined: invalid)
        #expect(score.predictedPairs == 10 && score.truePositivePairs == 4)
        #expect(score.pairRecall == 1 && score.pairPrecision == 0.4)
        #expect(abs(score.pairF1 - 2 * 0.4 / 1.4) < 1e-12)
        #expect(score.overMergedClusters == 1 && score.splitPeople == 0 && score.exactClusterRate == 0)
    }

    @Test func quarantineMistakesLowerValidationFigures() {
        // The invalid record slips through; a valid one of B is quarantined for a wrong reason.
        let accepted = [("s.csv#row:2", "P1"), ("s.csv#row:3", "P1"), ("e.json#$.data.items[0]", "P1"), ("s.csv#row:4", "P2"), ("s.csv#row:5", "P1")]
        let quarantined = [Scorer.Quarantined(ref: "u.ndjson#line:1", rules: ["phone-format"])]
        let score = Scorer(truth: truth).score(accepted: accepted.map { .init(ref: $0.0, participant: $0.1) }, quarantined: quarantined)
        #expect(score.validationPrecision == 0 && score.validationRecall == 0 && score.validQuarantined == 1)
        #expect(score.recall(of: "nik-format") == 0)
        // B's quarantined record counts as its own cluster: B is split, A still exact.
        #expect(score.splitPeople == 1 && score.exactPeople == 1 && score.pairRecall == 0.75)
    }

    @Test func missingAndUnknownRecordsAreCounted() {
        let accepted = [Scorer.Placement(ref: "s.csv#row:2", participant: "P1"), Scorer.Placement(ref: "other.csv#row:9", participant: "P9")]
        let score = Scorer(truth: truth).score(accepted: accepted, quarantined: [])
        #expect(score.missingRecords == 5 && score.unknownRecords == 1)
        #expect(score.json.contains("\"missingRecords\": 5"))
        #expect(score.table.contains("5 missing from the registry"))
    }

    @Test func feedRowPairsBCubedAndCausesAreCountedApart() {
        // A: a sheet row and a news table row; B (A's twin) and C (A's household): one sheet row each.
        let truth = Truth(entries: [
            .init(ref: "s.csv#row:2", person: "A"), .init(ref: "f.xml#item:g1/row:1", person: "A"),
            .init(ref: "s.csv#row:3", person: "B"), .init(ref: "s.csv#row:4", person: "C"), .init(ref: "s.csv#row:5", person: "D"),
            .init(ref: "s.csv#row:6", person: "D"),
        ])
        var people = PeopleFile()
        people.household = ["A": "H1", "B": "H1", "C": "H1", "D": "H2"]
        people.twin = ["B": "A"]
        // The feed row joins nobody; A and B are merged; C alone; D split.
        let accepted = [
            ("s.csv#row:2", "P1"), ("s.csv#row:3", "P1"), ("f.xml#item:g1/row:1", "P2"), ("s.csv#row:4", "P3"), ("s.csv#row:5", "P4"), ("s.csv#row:6", "P5"),
        ]
        let score = Scorer(truth: truth, people: people).score(accepted: accepted.map { .init(ref: $0.0, participant: $0.1) }, quarantined: [])
        #expect(score.feed.truePairs == 1 && score.feed.predictedPairs == 0 && score.feed.recall == 0)
        #expect(score.sheets.truePairs == 1 && score.sheets.predictedPairs == 1 && score.sheets.truePositivePairs == 0)
        #expect(score.overMergedByCause == ["twin": 1])
        #expect(score.splitByCause == ["feed row unlinked": 1, "sheets and exports apart": 1])
        // B-cubed precision: A's sheet row and B's row sit in a cluster of two with half their
        // own; every other record alone: (0.5 + 0.5 + 1 + 1 + 1 + 1) / 6.
        #expect(abs(score.bCubedPrecision - 5.0 / 6.0) < 1e-12)
        // Recall: A's two records each hold half of A; D's two each half of D; B, C whole.
        #expect(abs(score.bCubedRecall - 4.0 / 6.0) < 1e-12)
        #expect(score.table.contains("over-merged by cause: twin 1"))
    }
}
