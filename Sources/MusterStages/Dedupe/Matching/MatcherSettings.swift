internal import MusterCore

/// How dedupe links records, from pipeline.json's dedupe options. Every part has a default for
/// this domain; another person dataset changes comparisons and blocking here, not in code.
struct MatcherSettings: Sendable, Equatable {
    var comparisons = Comparison.defaults
    var blocking = BlockingRule.defaults
    /// Blocking rules whose pairs train m by EM, each in turn.
    var trainingRules = ["nik", "name-kelurahan"]
    /// The match probability from which a pair merges.
    var threshold = 0.95
    /// Blocks larger than this are paired within a sorted window only.
    var maxBlockSize = 500
    var window = 20
    /// Random pairs sampled for u.
    var uSamplePairs = 1_000_000
    var guards = MatchGuards()
    /// Fixed m, u (and prior) from pipeline.json: no training.
    var weights: MatchModel?
    /// Where a trained model is saved and read again, relative to pipeline.json.
    var model = ".muster/match-model.json"
    /// Train even when a saved model fits.
    var retrain = false
    /// The model comes from `weights` if fixed, else the saved model that fits (unless
    /// `retrain`), else, for a run with fewer records than this, the shipped one
    /// (``DefaultModel``) instead of training on too few pairs; else training.
    var trainFromRecords = 10_000

    /// The canonical fields matching reads: compared, blocked on or ordering a block, and the
    /// session names when a comparison or rule reads the session.
    var fields: Set<String> {
        var fields = Set(comparisons.map(\.field))
        for comparison in comparisons {
            for case .sameField(let other) in comparison.levels { fields.insert(other) }
        }
        for rule in blocking {
            fields.formUnion(rule.parts.map(\.field))
            fields.insert(rule.sortBy)
        }
        if fields.contains(Field.session) { fields.formUnion([Field.sessionCode, Field.sessionKey]) }
        return fields
    }

    /// Why these settings cannot work (a training rule or guard naming nothing), or nil.
    var problem: String? {
        let rules = Set(blocking.map(\.id))
        if let missing = trainingRules.first(where: { !rules.contains($0) }) {
            return "trainingRules names \"\(missing)\", which is not a blocking rule (\(blocking.map(\.id).joined(separator: ", ")))"
        }
        let ids = Set(comparisons.map(\.id))
        if ids.count != comparisons.count { return "two comparisons share an id" }
        if rules.count != blocking.count { return "two blocking rules share an id" }
        for name in [guards.identifier, guards.names, guards.context?.comparison].compactMap({ $0 }) + (guards.context?.outsideBatch ?? [])
        where !ids.contains(name) {
            return "guards name the comparison \"\(name)\", which is not one of \(comparisons.map(\.id).joined(separator: ", "))"
        }
        for comparison in comparisons {
            if let implication = comparison.impliedBy, !ids.contains(implication.comparison) {
                return "\(comparison.id) is implied by \"\(implication.comparison)\", which is not a comparison"
            }
        }
        if let weights, let mismatch = weights.mismatch(with: comparisons) { return "weights: \(mismatch)" }
        return nil
    }
}

/// Which comparisons the clustering guards read: the identifier two people never share (a
/// NIK), and the names whose disagreement a shared phone cannot outweigh.
struct MatchGuards: Sendable, Equatable, Decodable {
    /// The comparison of an identifier no two people share; nil turns the guard off.
    var identifier: String? = "nik"
    /// The comparison of names; nil turns the name guards off.
    var names: String? = "name"
    /// Name levels below this index count as names that agree closely (default: exact, every
    /// word alike, and the same words in another order or with one missing).
    var agreeingNameLevels = 3
    /// The guard for records that carry no identifier; nil turns it off.
    var context: ContextGuard? = ContextGuard()

    /// A record holding none of `identifiers` merges only where its training batch and a name
    /// vouch for it: on pairs that agree exactly on `comparison` (the batch) with a name level
    /// below `nameLevels`, or, outside the batch, on pairs that agree exactly on the first of
    /// `outsideBatch` (the full name) and on each of the others where both hold it (the
    /// kelurahan, the sector). What an announcement says of a person cannot tell two Siti
    /// Rahmawati of one kelurahan apart; the batch they trained in can, and the match weight
    /// decides the rest. An empty `outsideBatch` keeps such records within their batch.
    struct ContextGuard: Sendable, Equatable, Decodable {
        var comparison = "session"
        var identifiers = [Field.nik, Field.phone, Field.email, Field.birthDate]
        var nameLevels = 4
        var outsideBatch = ["name", "kelurahan", "sector"]
    }
}
