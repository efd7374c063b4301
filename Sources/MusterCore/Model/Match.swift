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

/// One reason two records are the same person: the rule and the other record's key.
public struct MatchEvidence: Sendable, Hashable, Codable {
    /// The rule that matched (`exact-nik`, `exact-phone`, `exact-email`).
    public var rule: String
    /// The other record's ``Provenance/key``.
    public var other: String

    public init(rule: String, other: String) {
        self.rule = rule
        self.other = other
    }
}
