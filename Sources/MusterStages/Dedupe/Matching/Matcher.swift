internal import Foundation
internal import MusterCore

/// Links records of one person, Fellegi–Sunter style: blocking gives the candidate pairs,
/// each pair's comparisons give a level vector, a model (trained on this run, saved from an
/// earlier one, fixed in pipeline.json, or shipped for small runs) weighs the levels with
/// this run's share of matches among all its pairs (``MatchShare``), and guarded clustering merges
/// the pairs above the threshold, strongest first.
///
/// It works on a projection of the records (``project(_:)``): the values comparisons and
/// blocking read, nothing else, so a million records fit in a few hundred megabytes.
struct Matcher {
    let settings: MatcherSettings
    /// The fields a projection keeps, each with whether it is an identifier that must be well
    /// formed to be kept.
    private let fields: [(name: String, isIdentifier: Bool)]
    private let needsSessions: Bool

    init(settings: MatcherSettings) {
        self.settings = settings
        let identifiers = Set(IdentifierRules.matchFields.map(\.field))
        fields = settings.fields.sorted().map { ($0, identifiers.contains($0)) }
        needsSessions = settings.fields.contains(Field.session)
    }

    /// Confirming pairs kept as evidence per record, besides its merges.
    static let confirmingPerRecord = 2

    /// A merged pair with what made it: the blocking rule and each comparison's weight.
    struct Link {
        let a: Int32
        let b: Int32
        let rule: String
        /// The evidence line (``MatchEvidence/weights``).
        let weights: String
    }

    /// What matching decided, and the figures for the run report.
    struct Outcome {
        /// Each record's cluster number, clusters numbered in order of their first record.
        let cluster: [Int32]
        let links: [Link]
        /// The model used, with this run's match share as its prior.
        let model: MatchModel
        var report: MatchReport
    }

    /// The values of a record that matching reads. Identifiers that are not well formed are
    /// left out: a malformed NIK or phone must never link two people.
    func project(_ values: FieldValues) -> FieldValues {
        var projected = FieldValues(minimumCapacity: fields.count)
        for (name, isIdentifier) in fields {
            guard let value = values[name], !value.isEmpty else { continue }
            if isIdentifier, !IdentifierRules.isUsable(value, field: name) { continue }
            projected[name] = value
        }
        return projected
    }

    /// Gives every record its training batch (``Field/session``) from the aliases all records
    /// teach, in place of the code and title key it was named by.
    func assignSessions(_ records: inout [FieldValues]) {
        guard needsSessions else { return }
        let aliases = SessionAliases(records)
        for index in records.indices {
            let session = aliases.session(of: records[index])
            records[index][Field.sessionCode] = nil
            records[index][Field.sessionKey] = nil
            if let session { records[index][Field.session] = session }
        }
    }

    /// Matches `records` (projected, with sessions assigned). `model` is a saved or fixed model
    /// to use instead of training; `source` says which.
    func match(_ records: [FieldValues], model given: MatchModel?, source: MatchReport.ModelSource) -> Outcome {
        let clock = ContinuousClock()
        var mark = clock.now
        var seconds: [(step: String, seconds: Double)] = []
        func lap(_ step: String) {
            let now = clock.now
            seconds.append((step, (now - mark).inSeconds))
            mark = now
        }
        let comparisons = settings.comparisons
        let pairs = CandidatePairs(
            records: records, rules: settings.blocking, maxBlockSize: settings.maxBlockSize, window: settings.window,
            keepingBlocksOf: given == nil ? Set(settings.trainingRules) : [])
        lap("blocking")
        let columns = ComparisonColumns(comparisons: comparisons, records: records)
        var computed = PairLevels(comparisons: comparisons)
        computed.compute(pairs, columns: columns)
        let levels = computed
        lap("comparing")

        var training: ModelTraining.Outcome?
        var model: MatchModel
        if let given {
            model = given
        } else {
            let trained = ModelTraining(uPairs: settings.uSamplePairs).train(
                comparisons: comparisons, records: records, columns: columns, pairs: pairs, levels: levels, blocking: settings.blocking,
                trainingRules: settings.trainingRules)
            training = trained
            model = trained.model
        }
        let patterns = LevelPatterns.tally(count: pairs.count, levelCounts: model.levelCounts) { k, vector in
            levels.vector(of: k, into: &vector)
            levels.applyImplications(&vector)
            return true
        }
        model = model.withPrior(MatchShare.estimate(model, patterns: patterns, population: MatchShare.population(records: records.count)))
        lap(training == nil ? "match share" : "training")

        let scoring = PairScoring(model: model, comparisons: comparisons, records: records, guards: settings.guards)
        let threshold = MatchModel.logOdds(settings.threshold)
        var report = MatchReport(
            records: records.count, blocking: pairs.report, modelSource: source, training: training, model: model, threshold: settings.threshold)
        // Weights on every core; the sums and the accepted pairs then in pair order, so the
        // figures are the same however many threads computed the weights.
        let weights = ParallelRuns.map(count: pairs.count) { run in
            run.map { k in scoring.weight(pair: k, levels: levels, first: pairs[k].first) }
        }.flatMap { $0 }
        var scored: [ScoredPair] = []
        for (k, weight) in weights.enumerated() {
            let probability = MatchModel.probability(weight)
            report.expectedMatches += probability
            guard weight >= threshold else { continue }
            report.expectedAccepted += probability
            let pair = pairs[k]
            scored.append(scoring.scoredPair(k, first: pair.first, second: pair.second, weight: weight, levels: levels))
        }
        report.accepted = scored.count
        lap("scoring")

        var clustering = GuardedClustering(threshold: threshold)
        let identifier = settings.guards.identifier.flatMap { id in comparisons.first { $0.id == id } }
        if let identifier {
            // A slip is any level of the identifier's comparison between exact and else (a
            // digit mistyped, two swapped).
            clustering.isSlip = { a, b in (1..<identifier.levels.count).contains(identifier.level(of: a, b)) }
        }
        let result = clustering.cluster(count: records.count, pairs: scored) { record in identifier.flatMap { records[record][$0.field] } }
        for (_, reason) in result.refused { report.refused[reason, default: 0] += 1 }
        report.merged = result.merged.count
        report.clusters = Int((result.cluster.max() ?? -1) + 1)
        // Every merge, then up to two confirming pairs per record: a cluster joined only
        // through one record would fall apart if validate quarantined that record.
        var confirmingOf: [Int32: Int] = [:]
        var kept = result.merged
        for pair in result.confirming where confirmingOf[pair.b, default: 0] < Self.confirmingPerRecord {
            confirmingOf[pair.b, default: 0] += 1
            kept.append(pair)
        }
        // The evidence lines, in runs on every core: a million merges each write one.
        let rules = settings.blocking.map(\.id)
        let linked = kept
        let links = ParallelRuns.map(count: linked.count) { run in
            linked[run].map { pair in
                let k = Int(pair.candidate)
                let weights = scoring.evidence(pair: k, first: Int(pair.a), weight: pair.weight, levels: levels)
                return Link(a: pair.a, b: pair.b, rule: rules[pairs[k].rule], weights: weights)
            }
        }.flatMap { $0 }
        lap("clustering")
        report.seconds = seconds
        return Outcome(cluster: result.cluster, links: links, model: model, report: report)
    }
}
