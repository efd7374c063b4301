public import MusterCore

/// Judges records against declarative rules (``ValidationRule``, configured in pipeline.json)
/// and quarantines the ones that break an error rule, with every failing rule as a reason;
/// a warning rule flags the record with a `warning.<rule-id>` field issue and lets it in.
///
/// Rules apply where their `on` says: on each record (its own canonical values), on each
/// participant (the golden values of its accepted records, ``Participant/goldenValues(of:)``),
/// or both. A participant-level failure quarantines (or flags) all of the participant's
/// records — or, for `unique`, only the ones that disagree — and its reason's message starts
/// with `participant: `.
///
/// Works cluster by cluster (dedupe emits each cluster's records together). When a
/// quarantined record was the link between other members, the cluster is split again
/// along the remaining evidence, so a quarantined record never merges two people; the
/// parts' records carry a `cluster.split` issue naming the cluster they came from.
public final class ValidateStage: Stage {
    public static let descriptor = StageDescriptor(
        id: "validate",
        summary:
            "Checks declarative rules (required, format, allowed, range, age, consistency, unique, issue, condition) per record and per participant; errors quarantine, warnings flag; re-splits clusters a quarantined record linked.",
        options: optionDescriptors
    )

    /// The issue code of a warning rule's flag: `warning.<rule-id>`.
    public static let warningPrefix = "warning."
    /// The issue code on the records of a cluster that was split again.
    public static let splitIssue = "cluster.split"
    /// How the message of a participant-level reason or warning starts.
    public static let participantPrefix = "participant: "

    let recordRules: [any ValidationRule]
    let participantRules: [any ValidationRule]
    private let stageName: String
    private let runDay: Day
    private var group: [Record] = []

    public init(options: Options, context: StageContext) {
        let rules = options.effectiveRules
        recordRules = rules.filter { $0.header.scope.onRecord }
        participantRules = rules.filter { $0.header.scope.onParticipant }
        stageName = context.stageName
        runDay = options.referenceDate.flatMap { Day(written: $0) } ?? Day.today()
    }

    public func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws {
        var out: RecordBatch = []
        out.reserveCapacity(batch.count)
        for record in batch {
            guard let cluster = record.match?.cluster else {
                out += closed([validated(record)])
                continue
            }
            if let current = group.first?.match?.cluster, current != cluster {
                out += closed(group)
                group.removeAll(keepingCapacity: true)
            }
            group.append(validated(record))
        }
        if !out.isEmpty { try emit(out) }
    }

    public func finish(emit: (RecordBatch) throws -> Void) throws {
        let rest = closed(group)
        group.removeAll()
        if !rest.isEmpty { try emit(rest) }
    }

    /// One cluster, its records already checked one by one: split it where quarantined
    /// records linked it, check its participants, and split again if they quarantined more.
    func closed(_ cluster: [Record]) -> [Record] {
        guard !cluster.isEmpty else { return [] }
        var records = cluster
        if records.count > 1, records.contains(where: \.isQuarantined) { records = ClusterSplitter.split(records) }
        if !participantRules.isEmpty, checkParticipants(&records), records.count > 1 {
            records = ClusterSplitter.split(records)
        }
        if records.count > 1, let original = cluster.first?.match?.cluster {
            markSplit(&records, original: original)
        }
        return records
    }

    /// Checks the record-level rules of one record.
    func validated(_ record: Record) -> Record {
        guard !record.isQuarantined else { return record }
        var record = record
        let subject = RuleSubject(
            values: record.normalized?.values ?? record.source.fields, issues: record.normalized?.issues ?? [],
            enrollments: record.source.enrollments, members: [], isParticipant: false, runDay: runDay
        )
        for rule in recordRules where rule.header.kind == record.source.kind {
            for failure in rule.check(subject) { apply(failure, of: rule, to: &record, participant: false) }
        }
        return record
    }

    /// Checks the participant-level rules on each participant of a cluster (its accepted
    /// records after any split); returns whether it quarantined a record.
    private func checkParticipants(_ records: inout [Record]) -> Bool {
        var parts: [String: [Int]] = [:]
        var order: [String] = []
        for index in records.indices where !records[index].isQuarantined && records[index].source.kind == .participant {
            let key = records[index].match?.cluster ?? records[index].key
            if parts[key] == nil { order.append(key) }
            parts[key, default: []].append(index)
        }
        var quarantined = false
        for key in order {
            let indices = parts[key] ?? []
            let members = indices.map { records[$0] }
            let subject = RuleSubject(
                values: Participant.goldenValues(of: members), issues: members.flatMap { $0.normalized?.issues ?? [] },
                enrollments: members.flatMap(\.source.enrollments), members: members, isParticipant: true, runDay: runDay
            )
            for rule in participantRules where rule.header.kind == .participant {
                for failure in rule.check(subject) {
                    let blamed = failure.blamed.map(Set.init)
                    for index in indices where blamed?.contains(records[index].key) ?? true {
                        apply(failure, of: rule, to: &records[index], participant: true)
                        quarantined = quarantined || rule.header.severity == .error
                    }
                }
            }
        }
        return quarantined
    }

    private func apply(_ failure: RuleFailure, of rule: any ValidationRule, to record: inout Record, participant: Bool) {
        let message = (participant ? Self.participantPrefix : "") + (rule.header.message ?? failure.detail)
        switch rule.header.severity {
        case .error:
            // One reason per rule: a rule that fails twice on a record (both of its place
            // fields) says so in one reason with both messages.
            if let index = record.quarantine.firstIndex(where: { $0.rule == rule.header.id && $0.stage == stageName }) {
                if !record.quarantine[index].message.contains(message) { record.quarantine[index].message += "; " + message }
                return
            }
            record.quarantine.append(QuarantineReason(rule: rule.header.id, stage: stageName, message: message, field: failure.field))
        case .warning:
            guard !record.isQuarantined else { return }
            let issue = FieldIssue(code: Self.warningPrefix + rule.header.id, field: failure.field ?? "", raw: nil, message: message)
            if record.normalized?.issues.contains(issue) == false { record.normalized?.issues.append(issue) }
        }
    }

    /// Flags the accepted records of a cluster that ended in several parts.
    private func markSplit(_ records: inout [Record], original: String) {
        let accepted = records.indices.filter { !records[$0].isQuarantined && records[$0].match != nil }
        guard Set(accepted.compactMap { records[$0].match?.cluster }).count > 1 else { return }
        let issue = FieldIssue(
            code: Self.splitIssue, field: "cluster", raw: original, message: "the cluster was split: records linking its parts were quarantined")
        for index in accepted { records[index].normalized?.issues.append(issue) }
    }
}
