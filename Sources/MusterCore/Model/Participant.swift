/// A participant as the registry keeps it: one golden record built from the accepted
/// records of one cluster, with those records' keys as its members.
public struct Participant: Sendable, Hashable, Codable {
    /// Registry id, stable across runs (`P000042`).
    public var id: String
    /// Golden values: for each canonical field, the value most of its members agree on.
    public var values: [String: String]
    /// ``Provenance/key`` of every member record.
    public var members: [String]

    public init(id: String, values: [String: String], members: [String]) {
        self.id = id
        self.values = values
        self.members = members
    }

    /// Builds golden values from normalized records: per field, the most frequent value;
    /// ties go to the value seen first in input order.
    public static func goldenValues(of records: [Record]) -> [String: String] {
        goldenValues(ofValues: records.map { $0.normalized?.values ?? [:] })
    }

    /// The same over canonical value maps (as the registry stores them), in input order.
    public static func goldenValues(ofValues maps: [[String: String]]) -> [String: String] {
        var counts: [String: [String: (count: Int, first: Int)]] = [:]
        for (index, values) in maps.enumerated() {
            for (field, value) in values {
                let seen = counts[field, default: [:]][value]
                counts[field, default: [:]][value] = (seen.map { $0.count + 1 } ?? 1, seen?.first ?? index)
            }
        }
        return counts.mapValues { candidates in
            candidates.max { lhs, rhs in
                lhs.value.count != rhs.value.count ? lhs.value.count < rhs.value.count : lhs.value.first > rhs.value.first
            }?.key ?? ""
        }
    }
}
