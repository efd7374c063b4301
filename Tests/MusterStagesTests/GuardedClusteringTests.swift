import Testing

@testable import MusterStages

/// Clusters from scored pairs, with the guards against chaining: two valid NIKs never in one
/// cluster, and a shared phone never enough when the names disagree.
@Suite struct GuardedClusteringTests {
    let clustering = GuardedClustering(threshold: 5)

    @Test func pairsAboveTheThresholdMergeTransitively() {
        let pairs = [ScoredPair(a: 0, b: 1, weight: 12), ScoredPair(a: 1, b: 2, weight: 8), ScoredPair(a: 3, b: 4, weight: 2)]
        let result = clustering.cluster(count: 5, pairs: pairs) { _ in nil }
        #expect(result.cluster == [0, 0, 0, 1, 2])
        #expect(result.merged.count == 2 && result.refused.isEmpty)
    }

    @Test func twoValidNIKsNeverEndInOneClusterAndTheChainBreaksAtItsWeakestLink() {
        // 0 (NIK A) –14– 1 (no NIK) –6– 2 (NIK B): the weaker link is refused.
        let niks = ["3174015203870001", nil, "3174015203870002"]
        let pairs = [ScoredPair(a: 1, b: 2, weight: 6), ScoredPair(a: 0, b: 1, weight: 14)]
        let result = clustering.cluster(count: 3, pairs: pairs) { niks[$0] }
        #expect(result.cluster == [0, 0, 1])
        #expect(result.refused.map(\.reason) == [.differentNIKs])
        #expect(result.refused.first?.pair.weight == 6)
    }

    @Test func aHouseholdSharingAPhoneStaysApart() {
        // Mother, daughter and son wrote the family's WhatsApp number; their names disagree.
        let pairs = [
            ScoredPair(a: 0, b: 1, weight: 9, namesDisagree: true), ScoredPair(a: 0, b: 2, weight: 9, namesDisagree: true),
            ScoredPair(a: 1, b: 2, weight: 9, namesDisagree: true),
        ]
        let result = clustering.cluster(count: 3, pairs: pairs) { _ in nil }
        #expect(result.cluster == [0, 1, 2])
        #expect(result.refused.count == 3 && result.refused.allSatisfy { $0.reason == .namesDisagree })
    }

    @Test func anAgreeingNIKOutweighsANameThatDisagrees() {
        // A married name on one record, the maiden name on the other, one NIK.
        let pairs = [ScoredPair(a: 0, b: 1, weight: 18, namesDisagree: true, nikAgrees: true)]
        let result = clustering.cluster(count: 2, pairs: pairs) { _ in "3174015203870001" }
        #expect(result.cluster == [0, 0])
    }

    @Test func theSameInputGivesTheSameClustersInAnyOrder() {
        let pairs: [ScoredPair] = (0..<40).map { (index: Int) -> ScoredPair in
            let weight = Double(index % 3) + 6
            return ScoredPair(a: Int32(index % 10), b: Int32(index % 10 + 10), weight: weight)
        }
        let niks: [String?] = (0..<20).map { (index: Int) -> String? in index % 4 == 0 ? "NIK\(index % 8)" : nil }
        let first = clustering.cluster(count: 20, pairs: pairs) { niks[$0] }
        let second = clustering.cluster(count: 20, pairs: pairs.reversed()) { niks[$0] }
        #expect(first.cluster == second.cluster)
        #expect(first.merged == second.merged)
    }
}
