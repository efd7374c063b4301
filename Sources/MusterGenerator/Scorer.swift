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
    /// The people's relations, when the folder has them: the causes of over-merged clusters.
    public let people: PeopleFile?

    public init(truth: Truth, people: PeopleFile? = nil) {
        self.truth = truth
        self.people = people
    }

    /// A participant table row of a news item (`feed.xml#item:GUID/row:N`): a name, a place
    /// and a sector, nothing that identifies the person.
    static func isFeedRow(_ ref: String) -> Bool {
        ref.contains(".xml#item:") && ref.contains("/row:")
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
        var cells: [Cell: Tally] = [:]
        for entry in truth.entries {
            known.insert(entry.ref)
            // A line with no person behind it is scored only if it is invalid (a totals line).
            guard entry.person != nil || entry.invalidReason != nil else { continue }
            let person = entry.person ?? ""
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
            cells[Cell(predicted: predicted, person: person), default: Tally()].add(feed: Self.isFeedRow(entry.ref))
        }
        score.unknownRecords = placement.keys.count { !known.contains($0) } + rules.keys.count { !known.contains($0) }
        merges(cells, into: &score)
        return score
    }

    private struct Cell: Hashable {
        var predicted: String
        var person: String
    }

    /// Records counted together, and how many of them are feed rows.
    private struct Tally {
        var all = 0
        var feed = 0

        mutating func add(feed isFeed: Bool) {
            all += 1
            if isFeed { feed += 1 }
        }

        static func += (lhs: inout Tally, rhs: Tally) {
            lhs.all += rhs.all
            lhs.feed += rhs.feed
        }

        /// Pairs among the records, all of them and those with a feed row on either side.
        var pairs: (all: Int, feed: Int) {
            let all = all * (all - 1) / 2
            let sheets = self.all - feed
            return (all, all - sheets * (sheets - 1) / 2)
        }
    }

    /// Pair counts from the contingency table, and the per-cluster figures.
    private func merges(_ cells: [Cell: Tally], into score: inout Score) {
        var clusterSizes: [String: Tally] = [:]
        var personSizes: [String: Tally] = [:]
        var clusterPeople: [String: [String]] = [:]
        var personClusters: [String: [String]] = [:]
        for (cell, tally) in cells {
            let pairs = tally.pairs
            score.truePositivePairs += pairs.all
            score.feed.truePositivePairs += pairs.feed
            clusterSizes[cell.predicted, default: Tally()] += tally
            personSizes[cell.person, default: Tally()] += tally
            clusterPeople[cell.predicted, default: []].append(cell.person)
            personClusters[cell.person, default: []].append(cell.predicted)
            score.validRecords += tally.all
        }
        for size in clusterSizes.values {
            score.predictedPairs += size.pairs.all
            score.feed.predictedPairs += size.pairs.feed
        }
        for size in personSizes.values {
            score.truePairs += size.pairs.all
            score.feed.truePairs += size.pairs.feed
        }
        score.people = personSizes.count
        score.clusters = clusterSizes.count
        score.splitPeople = personClusters.values.count { $0.count > 1 }
        score.overMergedClusters = clusterPeople.values.count { $0.count > 1 }
        // A person matches exactly when all their records form one cluster holding nobody else.
        score.exactPeople = cells.keys.count { personClusters[$0.person]?.count == 1 && clusterPeople[$0.predicted]?.count == 1 }
        // B-cubed: per record, the share of its cluster that is its person, and of its person
        // that is in its cluster.
        var precision = 0.0
        var recall = 0.0
        for (cell, tally) in cells {
            let shared = Double(tally.all)
            precision += shared * shared / Double(clusterSizes[cell.predicted]?.all ?? 1)
            recall += shared * shared / Double(personSizes[cell.person]?.all ?? 1)
        }
        if score.validRecords > 0 {
            score.bCubedPrecision = precision / Double(score.validRecords)
            score.bCubedRecall = recall / Double(score.validRecords)
        }
        if let people {
            for members in clusterPeople.values where members.count > 1 {
                score.overMergedByCause[Self.cause(of: members, people), default: 0] += 1
            }
        }
        // A split person whose records are apart only because a feed row joined no one.
        for (person, clusters) in personClusters where clusters.count > 1 {
            let feedOnlyPart = clusters.contains { cluster in
                let tally = cells[Cell(predicted: cluster, person: person)] ?? Tally()
                return tally.all == tally.feed
            }
            score.splitByCause[feedOnlyPart ? "feed row unlinked" : "sheets and exports apart", default: 0] += 1
        }
    }

    private static let causeRank = ["twin": 0, "household": 1, "namesake": 2, "other": 3]

    /// The closest relation among a cluster's people: twins before one household before one name.
    private static func cause(of members: [String], _ people: PeopleFile) -> String {
        var best = "other"
        for (index, a) in members.enumerated() {
            for b in members[(index + 1)...] {
                let relation = people.relation(a, b)
                if causeRank[relation, default: 3] < causeRank[best, default: 3] { best = relation }
            }
        }
        return best
    }
}
