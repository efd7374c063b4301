/// Turns scored pairs into clusters, strongest evidence first, with the guards a registry of
/// people needs against chaining:
/// - two different NIKs never end in one cluster: a union that would join them is refused,
///   so a chain breaks at its weakest link (the pairs are taken strongest first);
/// - a pair whose names disagree merges only on an agreeing NIK, never on a shared phone or
///   e-mail alone.
///
/// Deterministic: pairs of equal weight are taken in record order.
struct GuardedClustering {
    /// Why a pair above the threshold was not merged.
    enum Refusal: String, Sendable {
        case differentNIKs = "different NIKs"
        case namesDisagree = "names disagree"
    }

    /// The clusters (each record's cluster number, numbered in order of first member) and
    /// the refused pairs with their reasons.
    struct Result: Sendable {
        var cluster: [Int32]
        var merged: [ScoredPair]
        var refused: [(pair: ScoredPair, reason: Refusal)]
    }

    let threshold: Double

    /// `nik(i)`: record i's valid NIK, if any.
    func cluster(count: Int, pairs: [ScoredPair], nik: (Int) -> String?) -> Result {
        var sets = UnionFind(count: count)
        // The one NIK each set holds, by root.
        var setNIK: [String?] = (0..<count).map(nik)
        var merged: [ScoredPair] = []
        var refused: [(pair: ScoredPair, reason: Refusal)] = []
        let ordered = pairs.filter { $0.weight >= threshold }.sorted { left, right in
            if left.weight != right.weight { return left.weight > right.weight }
            return (left.a, left.b) < (right.a, right.b)
        }
        for pair in ordered {
            if pair.namesDisagree && !pair.nikAgrees {
                refused.append((pair, .namesDisagree))
                continue
            }
            let rootA = sets.find(Int(pair.a))
            let rootB = sets.find(Int(pair.b))
            if rootA == rootB { continue }
            if let left = setNIK[rootA], let right = setNIK[rootB], left != right {
                refused.append((pair, .differentNIKs))
                continue
            }
            let kept = setNIK[rootA] ?? setNIK[rootB]
            sets.union(rootA, rootB)
            setNIK[sets.find(rootA)] = kept
            merged.append(pair)
        }
        var number: [Int: Int32] = [:]
        var cluster = [Int32](repeating: 0, count: count)
        for record in 0..<count {
            let root = sets.find(record)
            if number[root] == nil { number[root] = Int32(number.count) }
            cluster[record] = number[root] ?? 0
        }
        return Result(cluster: cluster, merged: merged, refused: refused)
    }
}
