/// The dedupe stage's verdict for one record: which cluster (future participant) it joins,
/// and the evidence that put it there, so `muster explain` can say why two records merged.
public struct Match: Sendable, Hashable, Codable {
    /// Identity of the cluster within the run: the key of its first member in input order.
    public var cluster: String
    /// Links from this record to other records of the cluster.
    public var evidence: [MatchEvidence]

    public init(cluster: String, evidence: [MatchEvidence] = []) {
        self.cluster = cluster
        self.evidence = evidence
    }
}

/// One reason two records are the same person: the blocking rule that brought them together,
/// the other record's key, and the scored comparison that merged them.
public struct MatchEvidence: Sendable, Hashable, Codable {
    /// The blocking rule that made the two records a candidate pair (`nik`, `name-birth-date`).
    public var rule: String
    /// The other record's ``Provenance/key``.
    public var other: String
    /// The pair's match weight and each comparison's level and weight, in bits, as one line:
    /// `total +31.20; prior -12.40; name exact +9.21; nik exact +14.02; phone null`. One
    /// string rather than a nested object: a 1M-record registry keeps about 600,000 of them.
    public var weights: String?

    public init(rule: String, other: String, weights: String? = nil) {
        self.rule = rule
        self.other = other
        self.weights = weights
    }
}
