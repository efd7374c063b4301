/// The figures ``Scorer`` computes, with the table `muster score` prints and its JSON.
///
/// Ratios with an empty denominator are 1 (no merges made: nothing merged wrongly).
public struct Score: Sendable, Equatable {
    /// How the quarantine treated the records of one invalid reason.
    public struct ReasonFigures: Sendable, Equatable {
        public var records = 0
        /// Quarantined for any rule.
        public var quarantined = 0
        /// Quarantined with this very rule among its rules.
        public var matched = 0
    }

    /// Participant records in the truth, and those found in neither registry table.
    public var participantRecords = 0
    public var missingRecords = 0
    /// Registry records the truth does not know.
    public var unknownRecords = 0
    /// Valid records scored for merges, the people behind them and the clusters they form.
    public var validRecords = 0
    public var people = 0
    public var clusters = 0
    public var truePositivePairs = 0
    public var predictedPairs = 0
    public var truePairs = 0
    /// People whose records form exactly one cluster that holds nobody else.
    public var exactPeople = 0
    /// People whose records are spread over several clusters.
    public var splitPeople = 0
    /// Clusters holding records of several people.
    public var overMergedClusters = 0
    /// Over-merged clusters by the closest relation of their people (`twin`, `household`,
    /// `namesake`, `other`); empty without the folder's `people.csv`.
    public var overMergedByCause: [String: Int] = [:]
    /// Split people by why: `feed row unlinked` (a part of them holds only news table rows)
    /// or `sheets and exports apart`.
    public var splitByCause: [String: Int] = [:]
    /// The pair counts of pairs with a feed row on at least one side.
    public var feed = PairCounts()
    /// B-cubed precision and recall: per record, averaged over the valid records.
    public var bCubedPrecision = 1.0
    public var bCubedRecall = 1.0
    /// Invalid records found, quarantined records, valid ones among them, and quarantined
    /// invalid records whose rules include their true reason.
    public var invalidRecords = 0
    public var quarantinedRecords = 0
    public var validQuarantined = 0
    public var reasonMatches = 0
    public var reasons: [String: ReasonFigures] = [:]

    /// Right, predicted and true pairs of one kind.
    public struct PairCounts: Sendable, Equatable {
        public var truePositivePairs = 0
        public var predictedPairs = 0
        public var truePairs = 0

        public var precision: Double { ratio(truePositivePairs, predictedPairs) }
        public var recall: Double { ratio(truePositivePairs, truePairs) }
        public var f1: Double { MusterGenerator.f1(precision, recall) }
    }

    /// Pairs of two records from sheets and exports (no feed row).
    public var sheets: PairCounts {
        PairCounts(
            truePositivePairs: truePositivePairs - feed.truePositivePairs, predictedPairs: predictedPairs - feed.predictedPairs,
            truePairs: truePairs - feed.truePairs)
    }
    public var bCubedF1: Double { f1(bCubedPrecision, bCubedRecall) }

    /// All pairs, feed rows or not.
    public var all: PairCounts { PairCounts(truePositivePairs: truePositivePairs, predictedPairs: predictedPairs, truePairs: truePairs) }
    public var pairPrecision: Double { all.precision }
    public var pairRecall: Double { all.recall }
    public var pairF1: Double { all.f1 }
    /// Share of people matched exactly by one cluster.
    public var exactClusterRate: Double { ratio(exactPeople, people) }
    /// Quarantined records that were truly invalid.
    public var validationPrecision: Double { ratio(quarantinedRecords - validQuarantined, quarantinedRecords) }
    /// Invalid records that were quarantined.
    public var validationRecall: Double { ratio(quarantinedRecords - validQuarantined, invalidRecords) }
    public var validationF1: Double { f1(validationPrecision, validationRecall) }
    /// Quarantined invalid records whose rules name their true reason.
    public var reasonAgreement: Double { ratio(reasonMatches, quarantinedRecords - validQuarantined) }

    /// The recall of one reason: its records that were quarantined.
    public func recall(of reason: String) -> Double {
        guard let figures = reasons[reason] else { return 1 }
        return ratio(figures.quarantined, figures.records)
    }

    /// The human table.
    public var table: String {
        var lines = [
            "records      \(participantRecords) participant records in the truth, \(missingRecords) missing from the registry, \(unknownRecords) unknown to the truth",
            "merges       \(validRecords) valid records of \(people) people in \(clusters) clusters",
            "  pairwise   precision \(format(pairPrecision))  recall \(format(pairRecall))  F1 \(format(pairF1))  (\(truePositivePairs) of \(predictedPairs) merged pairs right, \(truePairs) true pairs)",
            "    sheets   precision \(format(sheets.precision))  recall \(format(sheets.recall))  F1 \(format(sheets.f1))  (pairs of two sheet or export records)",
            "    feed     precision \(format(feed.precision))  recall \(format(feed.recall))  F1 \(format(feed.f1))  (pairs with a news table row, \(feed.truePairs) true)",
            "  B-cubed    precision \(format(bCubedPrecision))  recall \(format(bCubedRecall))  F1 \(format(bCubedF1))",
            "  clusters   exact \(format(exactClusterRate)) (\(exactPeople) of \(people) people)  split people \(splitPeople)  over-merged clusters \(overMergedClusters)",
        ]
        func causes(_ counts: [String: Int]) -> String { counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") }
        if !splitByCause.isEmpty { lines.append("    split by cause: " + causes(splitByCause)) }
        if !overMergedByCause.isEmpty { lines.append("    over-merged by cause: " + causes(overMergedByCause)) }
        lines += [
            "validation   precision \(format(validationPrecision))  recall \(format(validationRecall))  F1 \(format(validationF1))  reason agreement \(format(reasonAgreement))",
            "             \(invalidRecords) invalid records, \(quarantinedRecords) quarantined (\(validQuarantined) of them valid)",
        ]
        for (reason, figures) in reasons.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "  \(reason.padding(18))\(figures.records) records, \(figures.quarantined) quarantined, \(figures.matched) with this rule (recall \(format(recall(of: reason))))"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// The figures as one JSON object (keys sorted; reasons nested).
    public var json: String {
        let numbers: [(String, String)] = [
            ("participantRecords", "\(participantRecords)"), ("missingRecords", "\(missingRecords)"), ("unknownRecords", "\(unknownRecords)"),
            ("validRecords", "\(validRecords)"), ("people", "\(people)"), ("clusters", "\(clusters)"),
            ("pairPrecision", format(pairPrecision, 6)), ("pairRecall", format(pairRecall, 6)), ("pairF1", format(pairF1, 6)),
            ("truePositivePairs", "\(truePositivePairs)"), ("predictedPairs", "\(predictedPairs)"), ("truePairs", "\(truePairs)"),
            ("exactClusterRate", format(exactClusterRate, 6)), ("exactPeople", "\(exactPeople)"), ("splitPeople", "\(splitPeople)"),
            ("overMergedClusters", "\(overMergedClusters)"), ("invalidRecords", "\(invalidRecords)"), ("quarantinedRecords", "\(quarantinedRecords)"),
            ("validQuarantined", "\(validQuarantined)"), ("validationPrecision", format(validationPrecision, 6)),
            ("validationRecall", format(validationRecall, 6)), ("validationF1", format(validationF1, 6)), ("reasonAgreement", format(reasonAgreement, 6)),
            ("sheetPairPrecision", format(sheets.precision, 6)), ("sheetPairRecall", format(sheets.recall, 6)), ("sheetPairF1", format(sheets.f1, 6)),
            ("feedPairPrecision", format(feed.precision, 6)), ("feedPairRecall", format(feed.recall, 6)), ("feedPairF1", format(feed.f1, 6)),
            ("feedTruePairs", "\(feed.truePairs)"), ("bCubedPrecision", format(bCubedPrecision, 6)), ("bCubedRecall", format(bCubedRecall, 6)),
            ("bCubedF1", format(bCubedF1, 6)),
        ]
        let reasonsJSON = reasons.sorted { $0.key < $1.key }.map { reason, figures in
            "\"\(reason)\": {\"records\": \(figures.records), \"quarantined\": \(figures.quarantined), \"matched\": \(figures.matched)}"
        }
        let members = numbers.sorted { $0.0 < $1.0 }.map { "\"\($0.0)\": \($0.1)" } + ["\"reasons\": {\(reasonsJSON.joined(separator: ", "))}"]
        return "{" + members.joined(separator: ", ") + "}"
    }

    /// The figures for a benchmark's JSON: every ratio and count as a number.
    public var figures: [String: Double] {
        [
            "pair_precision": pairPrecision, "pair_recall": pairRecall, "pair_f1": pairF1, "exact_cluster_rate": exactClusterRate,
            "split_people": Double(splitPeople), "over_merged_clusters": Double(overMergedClusters),
            "feed_pair_f1": feed.f1, "sheet_pair_f1": sheets.f1, "b_cubed_f1": bCubedF1,
            "validation_precision": validationPrecision, "validation_recall": validationRecall, "validation_f1": validationF1,
        ]
    }
}

private func ratio(_ part: Int, _ whole: Int) -> Double {
    whole == 0 ? 1 : Double(part) / Double(whole)
}

func f1(_ precision: Double, _ recall: Double) -> Double {
    precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
}

private func format(_ value: Double, _ decimals: Int = 4) -> String {
    let scale = decimals == 6 ? 1_000_000.0 : 10_000.0
    let scaled = Int((value * scale).rounded())
    let whole = scaled / Int(scale)
    let fraction = String(scaled % Int(scale))
    return "\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
}
