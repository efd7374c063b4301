internal import MusterCore

/// Splits a cluster again after some of its members were quarantined: the accepted members
/// stay together only where evidence still links them through accepted members.
enum ClusterSplitter {
    static func split(_ group: [Record]) -> [Record] {
        var accepted: [Int: Int] = [:]
        var keys: [String] = []
        for (index, record) in group.enumerated() where !record.isQuarantined {
            accepted[keys.count] = index
            keys.append(record.key)
        }
        let position = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        var sets = UnionFind(count: keys.count)
        for (local, key) in keys.enumerated() {
            guard let index = accepted[local] else { continue }
            _ = key
            for link in group[index].match?.evidence ?? [] {
                if let other = position[link.other] { sets.union(local, other) }
            }
        }
        var firstKey: [Int: String] = [:]
        var result = group
        for local in keys.indices {
            guard let index = accepted[local] else { continue }
            let root = sets.find(local)
            let cluster = firstKey[root] ?? keys[local]
            firstKey[root] = cluster
            result[index].match?.cluster = cluster
            result[index].match?.evidence.removeAll { position[$0.other] == nil }
        }
        for index in result.indices where result[index].isQuarantined {
            result[index].match = nil
        }
        return result
    }
}
