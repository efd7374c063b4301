internal import Foundation
internal import MusterCore
internal import MusterStages

/// `muster-bench blocking [N]`: candidate pairs from the default blocking rules over N
/// (default 1,000,000) normalized records, one thread. The records are made as normalize
/// leaves them: a quarter repeat an earlier person (a new sheet: the NIK or e-mail missing,
/// a final `h` or an old spelling in the surname), a tenth share a household phone, and
/// names are drawn from made-up syllables so that their frequencies spread as real ones do
/// (some very common, most rare), over 267 kelurahan. Deterministic seed.
let blockingBenchmark = Benchmark(name: "blocking", summary: "candidate pairs from the default blocking rules (pairs, seconds)") { arguments in
    let count = arguments.first.flatMap(Int.init) ?? 1_000_000
    var generator = BlockingRecordGenerator(seed: 0xB10C_2026)
    let records = (0..<count).map { _ in generator.next() }
    let recordsMiB = peakMemoryMiB()
    var candidates: CandidatePairs?
    let seconds = measure { candidates = CandidatePairs(records: records, rules: BlockingRule.defaults) }
    guard let candidates else { return [:] }
    print("blocking: \(count) records → \(candidates.count) candidate pairs in \(String(format: "%.3f", seconds)) s")
    for rule in candidates.report.rules {
        print(
            "  \(rule.id): \(rule.keyedRecords) keyed, \(rule.blocks) blocks, \(rule.pairs) pairs, \(rule.newPairs) new, largest block \(rule.largestBlock), \(rule.cappedBlocks) capped"
        )
    }
    for warning in candidates.report.warnings { print("  warning: \(warning)") }
    print("  peak memory \(String(format: "%.0f", peakMemoryMiB())) MiB (\(String(format: "%.0f", recordsMiB)) MiB with the records made, before blocking)")
    return ["records": Double(count), "pairs": Double(candidates.count), "seconds": seconds, "peakMiB": peakMemoryMiB()]
}

/// Normalized participant values with repeats, households and name variants.
struct BlockingRecordGenerator {
    var random: SplitMix64
    var people: [FieldValues] = []

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let syllables = ["su", "ka", "ti", "di", "an", "wa", "ra", "ni", "har", "yan", "to", "sa", "ri", "ma", "na", "dja", "tjah", "jo", "no", "li"]
    static let common = ["siti", "nur", "muhammad", "sri", "dewi", "agus", "budi", "eko"]

    mutating func next() -> FieldValues {
        if !people.isEmpty, random.chance(0.25) { return variant(of: people[random.below(people.count)]) }
        let person = newPerson()
        people.append(person)
        return person
    }

    private mutating func word(_ syllableCount: Int) -> String {
        // Zipf-like: low syllable indices far more often, so some names are very common.
        (0..<syllableCount).map { _ in Self.syllables[min(random.below(Self.syllables.count), random.below(Self.syllables.count))] }.joined()
    }

    private mutating func newPerson() -> FieldValues {
        var values = FieldValues()
        let given = random.chance(0.4) ? random.pick(Self.common) : word(2)
        values[Field.nameKey] = given + " " + word(random.within(2...3))
        values[Field.nik] = "3174" + random.digits(12)
        let household = random.chance(0.1) ? people.last?[Field.phone] : nil
        values[Field.phone] = household ?? "+628" + random.digits(10)
        if random.chance(0.6) { values[Field.email] = "p\(random.digits(9))@example.com" }
        values[Field.birthDate] = "\(random.within(1960...2004))-0\(random.within(1...9))-1\(random.within(0...9))"
        let kelurahan = random.below(267)
        values[Field.kelurahanCode] = "31.74.\(kelurahan / 30).\(1000 + kelurahan)"
        return values
    }

    /// The same person on another sheet: an identifier dropped, the surname spelt otherwise.
    private mutating func variant(of person: FieldValues) -> FieldValues {
        var values = person
        if random.chance(0.3) { values[Field.nik] = nil }
        if random.chance(0.3) { values[Field.email] = nil }
        if random.chance(0.2), let name = values[Field.nameKey] { values[Field.nameKey] = name + "h" }
        return values
    }
}
