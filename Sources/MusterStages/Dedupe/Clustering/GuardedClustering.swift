/// Turns scored pairs into clusters, strongest evidence first, with the guards a registry of
/// people needs against chaining:
/// - two different NIKs never end in one cluster: a union that would join them is refused,
///   so a chain breaks at its weakest link (the pairs are taken strongest first). The one
///   exception is a slip — two NIKs at a partial level of their comparison, one digit or one
///   swap apart (``isSlip``) — on a pair whose
///   names agree closely: one person's NIK typed twice, once wrongly. Twins, whose NIKs are
///   one serial apart, have different given names;
/// - a pair whose names disagree merges only on an agreeing NIK, never on a shared phone or
///   e-mail alone;
/// - a record with no identifier (a news row: a name, a kelurahan, a batch) merges only
///   within its training batch and on a close name (``ScoredPair/outsideContext``).
///
/// Deterministic: pairs of equal weight are taken in record order.
struct GuardedClustering {
    /// Why a pair above the threshold was not merged.
    enum Refusal: String, Sendable, CaseIterable {
        case differentNIKs = "different NIKs"
        case namesDisagree = "names disagree"
        case outsideContext = "no identifier, outside its session"
    }

    /// The clusters (each record's cluster number, numbered in order of first member) and
    /// the refused pairs with their reasons.
    struct Result: Sendable {
        var cluster: [Int32]
        var merged: [ScoredPair]
        /// Accepted pairs whose records a stronger pair had already joined: more evidence for
        /// the cluster, which keeps it whole when one member is quarantined later.
        var confirming: [ScoredPair]
        var refused: [(pair: ScoredPair, reason: Refusal)]
    }

    let threshold: Double
    /// Whether two different NIKs may be one NIK written with a slip.
    var isSlip: @Sendable (String, String) -> Bool = { _, _ in false }

    /// `nik(i)`: record i's valid NIK, if any.
    func cluster(count: Int, pairs: [ScoredPair], nik: (Int) -> String?) -> Result {
        var sets = UnionFind(count: count)
        // The NIKs each set holds, by root: one, or a few written with slips.
        var setNIKs: [[String]] = (0..<count).map { nik($0).map { [$0] } ?? [] }
        var merged: [ScoredPair] = []
        var confirming: [ScoredPair] = []
        var refused: [(pair: ScoredPair, reason: Refusal)] = []
        let ordered = pairs.filter { $0.weight >= threshold }.sorted { left, right in
            if left.weight != right.weight { return left.weight > right.weight }
            return (left.a, left.b) < (right.a, right.b)
        }
        for pair in ordered {
            if pair.outsideContext {
                refused.append((pair, .outsideContext))
                continue
            }
            if pair.namesDisagree && !pair.nikAgrees {
                refused.append((pair, .namesDisagree))
                continue
            }
            let rootA = sets.find(Int(pair.a))
            let rootB = sets.find(Int(pair.b))
            if rootA == rootB {
                confirming.append(pair)
                continue
            }
            if conflict(setNIKs[rootA], setNIKs[rootB], namesAgree: pair.namesAgree) {
                refused.append((pair, .differentNIKs))
                continue
            }
            var joined = setNIKs[rootA]
            for value in setNIKs[rootB] where !joined.contains(value) { joined.append(value) }
            setNIKs[rootA] = []
            setNIKs[rootB] = []
            sets.union(rootA, rootB)
            setNIKs[sets.find(rootA)] = joined
            merged.append(pair)
        }
        var number: [Int: Int32] = [:]
        var cluster = [Int32](repeating: 0, count: count)
        for record in 0..<count {
            let root = sets.find(record)
            if number[root] == nil { number[root] = Int32(number.count) }
            cluster[record] = number[root] ?? 0
        }
        return Result(cluster: cluster, merged: merged, confirming: confirming, refused: refused)
    }

    /// Whether joining two sets would put two people's NIKs in one cluster.
    private func conflict(_ left: [String], _ right: [String], namesAgree: Bool) -> Bool {
        for a in left {
            for b in right where a != b {
                if !(namesAgree && isSlip(a, b)) { return true }
            }
        }
        return false
    }
}
