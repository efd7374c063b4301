public import MusterCore

/// Groups records of the same person into clusters: exact match on canonical NIK, phone or
/// email, applied transitively (A shares a phone with B, B a NIK with C: one cluster).
///
/// It must see every record before it can emit one. It keeps only compact indexes (each
/// identifier's first holder, and a union-find over record numbers) and spools the records
/// themselves, in memory while they are few and to a temporary file beyond
/// `spoolAboveRecords`. It emits each cluster's records together, clusters in order of
/// their first member, so later stages can work cluster by cluster. Programme records and
/// records already quarantined pass through at once, untouched.
public final class DedupeStage: Stage {
    public struct Options: Decodable, Sendable {
        /// Identifier fields that link records, from `nik`, `phone`, `email`.
        public var keys: [String]
        /// At most this many evidence links per record and key, so one very common value
        /// (a shared office phone) cannot blow up the evidence.
        public var maxEvidencePerKey: Int
        /// Above this many held records, records wait in a temporary file instead of memory.
        public var spoolAboveRecords: Int

        public init(keys: [String] = ["nik", "phone", "email"], maxEvidencePerKey: Int = 20, spoolAboveRecords: Int = 100_000) {
            self.keys = keys
            self.maxEvidencePerKey = maxEvidencePerKey
            self.spoolAboveRecords = spoolAboveRecords
        }

        private enum CodingKeys: String, CodingKey { case keys, maxEvidencePerKey, spoolAboveRecords }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            keys = try container.decodeIfPresent([String].self, forKey: .keys) ?? ["nik", "phone", "email"]
            maxEvidencePerKey =
                container.contains(.maxEvidencePerKey)
                ? try container.decode(Int.self, forKey: .maxEvidencePerKey, in: 1...1000) : 20
            spoolAboveRecords =
                container.contains(.spoolAboveRecords)
                ? try container.decode(Int.self, forKey: .spoolAboveRecords, in: 0...100_000_000) : 100_000
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
        holdsAllRecords: true,
        options: [
            OptionDescriptor("keys", type: "[string]", default: "[\"nik\", \"phone\", \"email\"]", summary: "Identifiers that link records."),
            OptionDescriptor("maxEvidencePerKey", type: "integer", default: "20", summary: "Evidence links kept per record and key (1–1000)."),
            OptionDescriptor("spoolAboveRecords", type: "integer", default: "100000", summary: "Records held in memory before they wait in a temporary file."),
        ]
    )

    private let options: Options
    private let rules: [(field: String, rule: String)]
    private let spool: RecordSpool
    private var sets = UnionFind(count: 0)
    /// Per identifier field: canonical value → the first record number holding it.
    private var firstHolder: [[String: Int32]]
    private let batchSize: Int

    public init(options: Options, context: StageContext) {
        self.options = options
        self.rules = IdentifierRules.matchFields.filter { options.keys.contains($0.field) }
        self.spool = RecordSpool(memoryLimit: options.spoolAboveRecords)
        self.firstHolder = Array(repeating: [:], count: rules.count)
        self.batchSize = context.batchSize
    }

    public func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws {
        var passing: RecordBatch = []
        for record in batch {
            guard record.source.kind == .participant, !record.isQuarantined else {
                passing.append(record)
                continue
            }
            guard let normalized = record.normalized else {
                throw MusterError(.stageFailed, "dedupe needs normalized records; run normalize before dedupe", location: record.source.provenance.reference)
            }
            let number = spool.count
            sets.append()
            for (position, rule) in rules.enumerated() {
                guard let value = normalized[rule.field], IdentifierRules.isUsable(value, field: rule.field) else { continue }
                if let first = firstHolder[position][value] {
                    sets.union(Int(first), number)
                } else {
                    firstHolder[position][value] = Int32(number)
                }
            }
            try spool.append(record)
        }
        if !passing.isEmpty { try emit(passing) }
    }

    public func finish(emit: (RecordBatch) throws -> Void) throws {
        firstHolder = []
        let count = spool.count
        // Members of each cluster, clusters in order of their first member.
        var clusterOf = [Int32](repeating: -1, count: count)
        var members: [[Int32]] = []
        for number in 0..<count {
            let root = sets.find(number)
            if clusterOf[root] < 0 {
                clusterOf[root] = Int32(members.count)
                members.append([])
            }
            members[Int(clusterOf[root])].append(Int32(number))
        }
        var batch: RecordBatch = []
        batch.reserveCapacity(batchSize)
        for cluster in members {
            var records = try cluster.map { try spool.record(at: Int($0)) }
            link(&records)
            batch += records
            if batch.count >= batchSize {
                try emit(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try emit(batch) }
        spool.close()
    }

    /// Sets each member's cluster (its first member's key) and evidence: the other members
    /// sharing one of its identifiers, up to `maxEvidencePerKey` per identifier.
    private func link(_ records: inout [Record]) {
        guard let clusterID = records.first?.key else { return }
        var holders: [String: [Int]] = [:]
        if records.count > 1 {
            for (index, record) in records.enumerated() {
                for rule in rules {
                    guard let value = record.normalized?[rule.field], IdentifierRules.isUsable(value, field: rule.field) else { continue }
                    holders[rule.rule + "\u{1}" + value, default: []].append(index)
                }
            }
        }
        for index in records.indices {
            var evidence: [MatchEvidence] = []
            for rule in rules {
                guard let value = records[index].normalized?[rule.field], let sharing = holders[rule.rule + "\u{1}" + value] else { continue }
                for other in sharing.lazy.filter({ $0 != index }).prefix(options.maxEvidencePerKey) {
                    evidence.append(MatchEvidence(rule: rule.rule, other: records[other].key))
                }
            }
            records[index].match = Match(cluster: clusterID, evidence: evidence)
        }
    }
}
