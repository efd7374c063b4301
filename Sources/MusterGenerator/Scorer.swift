/// Compares what a run put in the registry with the ground truth: how well records were
/// merged into people (pairwise and per cluster) and how well the quarantine caught the
/// invalid records.
///
/// Takes plain arrays, so it needs no database: the caller reads the registry's
/// `source_records` (participant records: ref, participant id) and the newest run's
/// `quarantine` (ref, rules).
public struct Scorer: Sendable {
    /// An accepted participant record and the participant it was placed in.
    public struct Placement: Sendable {
        public var ref: String
        public var participant: String

        public init(ref: String, participant: String) {
            self.ref = ref
            self.participant = participant
        }
    }

    /// A quarantined record and the rules it broke.
    public struct Quarantined: Sendable {
        public var ref: String
        public var rules: [String]

        public init(ref: String, rules: [String]) {
            self.ref = ref
            self.rules = rules
        }
    }

    public let truth: Truth

    public init(truth: Truth) {
        self.truth = truth
    }

    /// The figures. Merge figures cover the truth's valid participant records found in the
    /// registry; a valid record the run quarantined counts as a participant of its own.
    /// Validation figures cover every participant record found.
    public func score(accepted: [Placement], quarantined: [Quarantined]) -> Score {
        var placement: [String: String] = [:]
        placement.reserveCapacity(accepted.count)
        for record in accepted { placement[record.ref] = record.participant }
        var rules: [String: [String]] = [:]
        for record in quarantined { rules[record.ref] = record.rules }

        var score = Score()
        var known: Set<String> = []
        known.reserveCapacity(truth.entries.count)
        var cells: [Cell: Int] = [:]
        for entry in truth.entries {
            known.insert(entry.ref)
            guard let person = entry.person else { continue }
            score.participantRecords += 1
            let predicted: String
            if let participant = placement[entry.ref] {
                predicted = participant
            } else if let broken = rules[entry.ref] {
                predicted = "quarantined " + entry.ref
                score.quarantinedRecords += 1
                if entry.invalidReason == nil { score.validQuarantined += 1 }
                if let reason = entry.invalidReason, broken.contains(reason) { score.reasonMatches += 1 }
            } else {
                score.missingRecords += 1
                continue
            }
            if let reason = entry.invalidReason {
                score.invalidRecords += 1
                var figures = score.reasons[reason] ?? Score.ReasonFigures()
                figures.records += 1
                if rules[entry.ref] != nil { figures.quarantined += 1 }
                if rules[entry.ref]?.contains(reason) == true { figures.matched += 1 }
                score.reasons[reason] = figures
                continue
            }
            cells[Cell(predicted: predicted, person: person), default: 0] += 1
        }
        score.unknownRecords = placement.keys.count { !known.contains($0) } + rules.keys.count { !known.contains($0) }
        merges(cells, into: &score)
        return score
    }

    private struct Cell: Hashable {
        var predicted: String
        var person: String
    }

    /// Pair counts from the contingency table, and the per-cluster figures.
    private func merges(_ cells: [Cell: Int], into score: inout Score) {
        var clusterSizes: [String: Int] = [:]
        var personSizes: [String: Int] = [:]
        var clusterPeople: [String: Int] = [:]
        var personClusters: [String: Int] = [:]
        for (cell, count) in cells {
            score.truePositivePairs += pairs(count)
            clusterSizes[cell.predicted, default: 0] += count
            personSizes[cell.person, default: 0] += count
            clusterPeople[cell.predicted, default: 0] += 1
            personClusters[cell.person, default: 0] += 1
            score.validRecords += count
        }
        score.predictedPairs = clusterSizes.values.reduce(0) { $0 + pairs($1) }
        score.truePairs = personSizes.values.reduce(0) { $0 + pairs($1) }
        score.people = personSizes.count
        score.clusters = clusterSizes.count
        score.splitPeople = personClusters.values.count { $0 > 1 }
        score.overMergedClusters = clusterPeople.values.count { $0 > 1 }
        // A person matches exactly when all their records form one cluster holding nobody else.
        score.exactPeople = cells.keys.count { personClusters[$0.person] == 1 && clusterPeople[$0.predicted] == 1 }
    }

    private func pairs(_ count: Int) -> Int { count * (count - 1) / 2 }
}
