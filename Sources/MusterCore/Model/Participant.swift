/// A participant as the registry keeps it: one golden record built from the accepted
/// records of one cluster, with those records' keys as its members.
public struct Participant: Sendable, Hashable, Codable {
    /// Registry id, stable across runs (`P000042`).
    public var id: String
    /// Golden values: for each canonical field, the value most of its members agree on.
    public var values: FieldValues
    /// ``Provenance/key`` of every member record.
    public var members: [String]

    public init(id: String, values: FieldValues, members: [String]) {
        self.id = id
        self.values = values
        self.members = members
    }

    /// Builds golden values from normalized records: per field, the most frequent value;
    /// ties go to the value seen first in input order.
    package static func goldenValues(of records: [Record]) -> FieldValues {
        goldenValues(ofValues: records.map { $0.normalized?.values ?? [:] })
    }

    /// The same over canonical value maps (as the registry stores them), in input order.
    package static func goldenValues(ofValues maps: [FieldValues]) -> FieldValues {
        // Most people have one or two records: a lone record is its own golden record.
        if maps.count == 1 { return maps[0] }
        // Values of `Field` names are gathered by rank and sorted (rank, then the order
        // given) instead of hashed per name; other names, rare, go through a dictionary.
        var known: [(rank: Int, order: Int, value: String)] = []
        var others: [String: [String]] = [:]
        for (order, values) in maps.enumerated() {
            values.forEachMember { rank, key, value in
                if let rank { known.append((rank, order, value)) } else { others[key, default: []].append(value) }
            }
        }
        known.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.order < $1.order }
        var golden = FieldValues(minimumCapacity: 24)
        var candidates: [String] = []
        var start = 0
        while start < known.count {
            candidates.removeAll(keepingCapacity: true)
            var end = start
            while end < known.count, known[end].rank == known[start].rank {
                candidates.append(known[end].value)
                end += 1
            }
            golden[FieldOrder.names[known[start].rank]] = mostCommon(candidates)
            start = end
        }
        for (key, values) in others { golden[key] = mostCommon(values) }
        return golden
    }

    /// The value given most often; of equally common ones, the one given first.
    private static func mostCommon(_ values: [String]) -> String {
        guard values.count > 2 else { return values[0] }
        if values.count <= 16 {
            // Few values (a cluster's records): counting by comparison beats hashing.
            var best = values[0]
            var bestCount = 0
            for (index, value) in values.enumerated() where !values[..<index].contains(value) {
                let count = values[index...].lazy.filter { $0 == value }.count
                if count > bestCount { (best, bestCount) = (value, count) }
            }
            return best
        }
        var counts: [String: (count: Int, first: Int)] = [:]
        for (index, value) in values.enumerated() {
            let seen = counts[value]
            counts[value] = ((seen?.count ?? 0) + 1, seen?.first ?? index)
        }
        return counts.max { lhs, rhs in
            lhs.value.count != rhs.value.count ? lhs.value.count < rhs.value.count : lhs.value.first > rhs.value.first
        }?.key ?? values[0]
    }
}
