import MusterCore
import Testing

@testable import MusterStages

/// Candidate pairs: the union of the rules' pairs, each once with the first rule that found
/// it; per-rule figures; oversized blocks paired within a window, with a warning.
@Suite struct CandidatePairsTests {
    static func record(
        nik: String? = nil, phone: String? = nil, email: String? = nil, name: String? = nil, birthDate: String? = nil, kelurahan: String? = nil
    ) -> FieldValues {
        var values = FieldValues()
        values[Field.nik] = nik
        values[Field.phone] = phone
        values[Field.email] = email
        values[Field.nameKey] = name
        values[Field.birthDate] = birthDate
        values[Field.kelurahanCode] = kelurahan
        return values
    }

    static func pairs(_ candidates: CandidatePairs) -> [[Int]] { candidates.map { [$0.first, $0.second, $0.rule] } }

    @Test func eachPairOnceWithTheFirstRuleThatFoundIt() {
        let tebet = "31.74.01.1001"
        let senayan = "31.74.07.1006"
        let records = [
            Self.record(nik: "3174014101870001", phone: "+6281211110001", name: "siti aminah", birthDate: "1987-01-01", kelurahan: tebet),
            Self.record(nik: "3174014101870001", phone: "+6281211110002", name: "siti aminah", birthDate: "1987-01-01", kelurahan: tebet),
            Self.record(nik: "3174010101900002", phone: "+6281211110001", name: "budi santoso", birthDate: "1990-01-01", kelurahan: tebet),
            Self.record(phone: "+6281211110003", email: "dewi@example.com", name: "dewi lestari", birthDate: "1975-03-04", kelurahan: senayan),
            Self.record(email: "dewi@example.com", name: "dewi lestari", birthDate: "1975-03-04", kelurahan: senayan),
            Self.record(name: "agus tjahjono", kelurahan: senayan),
            Self.record(name: "agus tjahjono", kelurahan: senayan),
            Self.record(name: "rina wati"),
        ]
        let candidates = CandidatePairs(records: records, rules: BlockingRule.defaults)
        // nik, phone, email, name-birth-date, name-kelurahan, and the two session
        // rules (no record here names a training batch)
        #expect(Self.pairs(candidates) == [[0, 1, 0], [0, 2, 1], [3, 4, 2], [5, 6, 4]])
        #expect(candidates.report.rules.map(\.id) == BlockingRule.defaults.map(\.id))
        #expect(candidates.report.rules.map(\.pairs) == [1, 1, 1, 2, 3, 0, 0])
        #expect(candidates.report.rules.map(\.newPairs) == [1, 1, 1, 0, 1, 0, 0])
        #expect(candidates.report.rules.map(\.keyedRecords) == [3, 4, 2, 5, 7, 0, 0])
        #expect(candidates.report.rules.map(\.largestBlock) == [2, 2, 2, 2, 2, 0, 0])
        #expect(candidates.report.pairs == 4)
        #expect(candidates.report.warnings.isEmpty)
    }

    @Test func aHouseholdSharingAPhoneAndAnEmailGivesItsSixPairsOnce() {
        let names = ["budi santoso", "siti aminah", "rina santoso", "eko santoso"]
        let records = names.enumerated().map { index, name in
            Self.record(phone: "+6281299990000", email: "keluarga@example.com", name: name, birthDate: "19\(70 + 10 * index)-01-01", kelurahan: "31.74.01.1001")
        }
        let candidates = CandidatePairs(records: records, rules: BlockingRule.defaults)
        #expect(Self.pairs(candidates) == [[0, 1, 1], [0, 2, 1], [0, 3, 1], [1, 2, 1], [1, 3, 1], [2, 3, 1]])
        #expect(candidates.report.rules.map(\.pairs) == [0, 6, 6, 0, 0, 0, 0])
        #expect(candidates.report.rules.map(\.newPairs) == [0, 6, 0, 0, 0, 0, 0])
    }

    /// 5,000 records on one phone (an office number): each is paired with its 20 neighbours in
    /// name order, not with all 4,999 others.
    @Test func anOversizedBlockIsPairedWithinAWindowAndWarned() throws {
        let count = 5_000
        let rank = { (record: Int) in record * 7_919 % count }  // 7,919 is prime: a shuffle of the names
        let records = (0..<count).map { Self.record(phone: "+6281200000000", name: "peserta \(1_000_000 + rank($0))") }
        let candidates = CandidatePairs(records: records, rules: BlockingRule.defaults)
        #expect(candidates.count == count * 20 - 20 * 21 / 2)
        #expect(candidates.allSatisfy { (1...20).contains(abs(rank($0.first) - rank($0.second))) && $0.rule == 1 })
        let phone = try #require(candidates.report.rules.first { $0.id == "phone" })
        #expect(phone.cappedBlocks == 1 && phone.largestBlock == count && phone.pairs == candidates.count)
        #expect(candidates.report.warnings == ["rule phone: 1 block over 500 records, largest 5000, paired within a window of 20"])
    }

    @Test func aBlockAtTheLimitIsPairedInFullOneOverItIsNot() {
        let rules = [BlockingRule(id: "phone", parts: [.field(Field.phone)])]
        let four = (0..<4).map { Self.record(phone: "+6281200000000", name: "n\($0)") }
        let full = CandidatePairs(records: four, rules: rules, maxBlockSize: 4, window: 2)
        #expect(full.count == 6 && full.report.warnings.isEmpty)
        let five = (0..<5).map { Self.record(phone: "+6281200000000", name: "n\($0)") }
        let capped = CandidatePairs(records: five, rules: rules, maxBlockSize: 4, window: 2)
        #expect(capped.map { [$0.first, $0.second] } == [[0, 1], [0, 2], [1, 2], [1, 3], [2, 3], [2, 4], [3, 4]])
        #expect(capped.report.warnings == ["rule phone: 1 block over 4 records, largest 5, paired within a window of 2"])
    }

    /// Blocks under the cap can still be too big: 60 records of one kelurahan give 1,770 pairs,
    /// 29 per record, and their number grows as the square of the data.
    @Test func aRuleWhoseBlocksGrowWithTheDataIsWarned() {
        let rules = [BlockingRule(id: "kelurahan", parts: [.field(Field.kelurahanCode)])]
        let records = (0..<60).map { Self.record(name: "n\($0)", kelurahan: "31.74.01.1001") }
        #expect(
            CandidatePairs(records: records, rules: rules).report.warnings == [
                "rule kelurahan: 1770 pairs for 60 records (29 per record): its blocks grow with the data; add a key part"
            ])
        let fewer = Array(records.prefix(51))
        #expect(CandidatePairs(records: fewer, rules: rules).report.warnings.isEmpty)
    }

    @Test func theSameInputGivesTheSamePairsInOrder() {
        var random = SplitMix64(seed: 14)
        let records = (0..<3_000).map { _ in
            Self.record(
                nik: random.next() % 3 == 0 ? nil : "31740141018700\(random.next() % 40)", phone: "+62812000\(random.next() % 700)",
                name: ["siti aminah", "siti aminah", "budi santoso", "dewi lestari", "agus cahyono"][Int(random.next() % 5)],
                birthDate: "19\(70 + random.next() % 5)-01-01", kelurahan: "31.74.01.1001")
        }
        let first = CandidatePairs(records: records, rules: BlockingRule.defaults)
        let second = CandidatePairs(records: records, rules: BlockingRule.defaults)
        #expect(Array(first) == Array(second))
        #expect(first.report == second.report)
        #expect(!first.report.warnings.isEmpty)
        #expect(zip(first, first.dropFirst()).allSatisfy { ($0.first, $0.second) < ($1.first, $1.second) })
        #expect(first.allSatisfy { $0.first < $0.second })
    }
}
