public import MusterCore

/// Groups records of the same person into clusters: exact match on canonical NIK, phone or
/// email, applied transitively (A shares a phone with B, B a NIK with C: one cluster).
///
/// It must see every record before it can emit one, so it holds the run's participant
/// records; it emits each cluster's records together, clusters in order of their first
/// member, so the stages after it can work cluster by cluster. Programme records and
/// records already quarantined pass through first, untouched.
public final class DedupeStage: Stage {
    public struct Options: Decodable, Sendable {
        /// Identifier fields that link records, from `nik`, `phone`, `email`.
        public var keys: [String]
        /// At most this many evidence links per record and key, so one very common value
        /// (a shared office phone) cannot blow up the evidence.
        public var maxEvidencePerKey: Int

        public init(keys: [String] = ["nik", "phone", "email"], maxEvidencePerKey: Int = 20) {
            self.keys = keys
            self.maxEvidencePerKey = maxEvidencePerKey
        }

        private enum CodingKeys: String, CodingKey { case keys, maxEvidencePerKey }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            keys = try container.decodeIfPresent([String].self, forKey: .keys) ?? ["nik", "phone", "email"]
            maxEvidencePerKey = container.contains(.maxEvidencePerKey)
                ? try container.decode(Int.self, forKey: .maxEvidencePerKey, in: 1...1000) : 20
            let known = IdentifierRules.matchFields.map(\.field)
            if keys.isEmpty || !keys.allSatisfy(known.contains) {
                throw DecodingError.dataCorruptedError(
                    forKey: .keys, in: container,
                    debugDescription: "a non-empty list drawn from " + known.map { "\"\($0)\"" }.joined(separator: ", ")
                )
            }
        }
    }

    public static let descriptor = StageDescriptor(
        id: "dedupe",
        summary: "Clusters records of one person: exact canonical NIK, phone or email, transitively; records evidence for each link.",
        options: [
            OptionDescriptor("keys", type: "[string]", default: "[\"nik\", \"phone\", \"email\"]", summary: "Identifiers that link records."),
            OptionDescriptor("maxEvidencePerKey", type: "integer", default: "20", summary: "Evidence links kept per record and key (1–1000)."),
        ]
    )

    private let options: Options
    private var held: [Record] = []

    public init(options: Options, context: StageContext) {
        self.options = options
    }

    public func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws {
        var passing: RecordBatch = []
        for record in batch {
            if record.source.kind == .participant && !record.isQuarantined {
                guard record.normalized != nil else {
                    throw MusterError(.stageFailed, "dedupe needs normalized records; run normalize before dedupe", location: record.source.provenance.reference)
                }
                held.append(record)
            } else {
                passing.append(record)
            }
        }
        if !passing.isEmpty { try emit(passing) }
    }

    public func finish(emit: (RecordBatch) throws -> Void) throws {
        let rules = IdentifierRules.matchFields.filter { options.keys.contains($0.field) }
        var sets = UnionFind(count: held.count)
        var holders: [String: [String: [Int]]] = [:]
        for (index, record) in held.enumerated() {
            for (field, _) in rules {
                guard let value = record.normalized?[field], IdentifierRules.isUsable(value, field: field) else { continue }
                if let first = holders[field]?[value]?.first { sets.union(first, index) }
                holders[field, default: [:]][value, default: []].append(index)
            }
        }
        var clusters: [Int: [Int]] = [:]
        var order: [Int] = []
        for index in held.indices {
            let root = sets.find(index)
            if clusters[root] == nil { order.append(root) }
            clusters[root, default: []].append(index)
        }
        var batch: RecordBatch = []
        for root in order {
            guard let members = clusters[root], let firstMember = members.first else { continue }
            let clusterID = held[firstMember].key
            for index in members {
                var record = held[index]
                record.match = Match(cluster: clusterID, evidence: evidence(for: index, rules: rules, holders: holders))
                batch.append(record)
            }
            if batch.count >= 512 {
                try emit(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try emit(batch) }
        held.removeAll()
    }

    private func evidence(for index: Int, rules: [(field: String, rule: String)], holders: [String: [String: [Int]]]) -> [MatchEvidence] {
        var links: [MatchEvidence] = []
        for (field, rule) in rules {
            guard let value = held[index].normalized?[field], let sharing = holders[field]?[value] else { continue }
            for other in sharing.lazy.filter({ $0 != index }).prefix(options.maxEvidencePerKey) {
                links.append(MatchEvidence(rule: rule, other: held[other].key))
            }
        }
        return links
    }
}
