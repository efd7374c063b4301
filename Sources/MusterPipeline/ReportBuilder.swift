internal import Foundation
internal import MusterCore

/// Builds a ``RunReport`` in one streaming pass over the run's last checkpoint, holding only
/// small tallies: per rule, per source, the largest clusters, and a window of recent
/// clusters (a cluster's records are adjacent in every checkpoint after dedupe, its split
/// parts within the cluster's own stretch), so memory does not grow with the run.
struct ReportBuilder {
    /// The validate stage's conventions, read here without depending on the stages module.
    static let warningPrefix = "warning."
    static let splitIssue = "cluster.split"
    static let participantPrefix = "participant: "
    static let examplesPerRule = 3
    static let largestClusters = 10
    static let window = 4096

    private struct Open {
        var records = 0
        var bySource: [String: Int] = [:]
        var participant: String?
        var first: String
        var lastSeen: Int
    }

    private var sources: [String: RunReport.SourceBooks] = [:]
    private var quarantine: [String: RunReport.RuleCount] = [:]
    private var warnings: [String: RunReport.RuleCount] = [:]
    private var open: [String: Open] = [:]
    private var largest: [RunReport.Cluster] = []
    private var clusterCount = 0
    private var participantClusters: [String: Int] = [:]
    private var merged: Set<String> = []
    private var splits: [String: (parts: Set<String>, participants: Set<String>)] = [:]
    private var position = 0

    static func build(manifest: RunManifest, directory: String) throws -> RunReport {
        var builder = ReportBuilder()
        var notes: [String] = []
        let found = manifest.stages.lazy.compactMap { stage in stage.checkpoint.map { (stage: stage, file: $0) } }
            .last { FileManager.default.fileExists(atPath: directory + "/" + $0.file) }
        if let found {
            try CheckpointReader(path: directory + "/" + found.file).forEachBatch { batch in
                for record in batch { builder.add(record) }
            }
            if let last = manifest.stages.last, found.stage.index != last.index {
                notes.append(
                    last.checkpoint == nil
                        ? "figures are from \(found.file), the records as they went into \(last.name)"
                        : "the run's last stage left no checkpoint; figures are from \(found.file)")
            }
        } else {
            notes.append("no completed checkpoint: record-level figures are empty")
        }
        builder.closeAll()
        if !manifest.stages.contains(where: { $0.type == "export" }) {
            notes.append("the run did not export: participant ids are not assigned and the registry was not changed")
        }
        notes.append("new participant ids come from the registry; `muster run` adds them, a report written without the registry leaves them null")
        return builder.report(manifest: manifest, checkpoint: found?.file, notes: notes)
    }

    /// The report of a run whose final records were added (``add(_:)``) as they left its last
    /// stage, so the report costs no second pass over the checkpoint.
    mutating func finish(manifest: RunManifest) -> RunReport {
        closeAll()
        var notes: [String] = []
        if !manifest.stages.contains(where: { $0.type == "export" }) {
            notes.append("the run did not export: participant ids are not assigned and the registry was not changed")
        }
        notes.append("new participant ids come from the registry; `muster run` adds them, a report written without the registry leaves them null")
        return report(manifest: manifest, checkpoint: manifest.stages.last { $0.checkpoint != nil }?.checkpoint ?? nil, notes: notes)
    }

    mutating func add(_ record: Record) {
        position += 1
        let source = record.source.provenance.sourceID
        sources[source, default: .init(id: source, recordsIn: 0, accepted: 0, merged: 0, quarantined: 0)].recordsIn += 1
        if record.isQuarantined {
            sources[source]?.quarantined += 1
            tally(record)
            return
        }
        sources[source]?.accepted += 1
        for issue in record.normalized?.issues ?? [] where issue.code.hasPrefix(Self.warningPrefix) {
            count(
                &warnings, rule: String(issue.code.dropFirst(Self.warningPrefix.count)), record: record, message: issue.message, field: issue.field,
                first: false)
        }
        guard record.source.kind == .participant else { return }
        let cluster = record.match?.cluster ?? record.key
        if let split = record.normalized?.issues.first(where: { $0.code == Self.splitIssue }), let original = split.raw {
            splits[original, default: ([], [])].parts.insert(cluster)
            if let id = record.registryID { splits[original, default: ([], [])].participants.insert(id) }
        }
        if let id = record.registryID {
            let hash = cluster.hashValue
            if let known = participantClusters[id], known != hash { merged.insert(id) } else { participantClusters[id] = hash }
        }
        var entry = open[cluster] ?? Open(first: record.key, lastSeen: position)
        entry.records += 1
        entry.bySource[source, default: 0] += 1
        entry.participant = entry.participant ?? record.registryID
        entry.lastSeen = position
        open[cluster] = entry
        if open.count > Self.window * 2 { closeOldest() }
    }

    private mutating func tally(_ record: Record) {
        for (index, reason) in record.quarantine.enumerated() where !record.quarantine[..<index].contains(where: { $0.rule == reason.rule }) {
            count(&quarantine, rule: reason.rule, record: record, message: reason.message, field: reason.field, first: index == 0)
        }
    }

    private func count(_ table: inout [String: RunReport.RuleCount], rule: String, record: Record, message: String, field: String?, first: Bool) {
        var entry = table[rule] ?? RunReport.RuleCount(rule: rule, records: 0, first: 0, onParticipant: 0, examples: [])
        entry.records += 1
        if first { entry.first += 1 }
        if message.hasPrefix(Self.participantPrefix) { entry.onParticipant += 1 }
        if entry.examples.count < Self.examplesPerRule {
            let value = field.flatMap { record.value($0) ?? record.source.fields[$0] }.map { PersonalData.mask($0, field: field ?? "raw") }
            entry.examples.append(.init(record: record.source.provenance.reference, message: message, field: field, value: value))
        }
        table[rule] = entry
    }

    /// Closes the clusters not seen in the last `window` records.
    private mutating func closeOldest() {
        let limit = position - Self.window
        for (key, entry) in open where entry.lastSeen < limit { close(key, entry) }
    }

    mutating func closeAll() {
        for (key, entry) in open { close(key, entry) }
    }

    private mutating func close(_ key: String, _ entry: Open) {
        open[key] = nil
        clusterCount += 1
        if entry.records > 1 {
            for (source, records) in entry.bySource { sources[source]?.merged += records }
        }
        let cluster = RunReport.Cluster(cluster: entry.first, participant: entry.participant, records: entry.records, sources: entry.bySource.keys.sorted())
        if largest.count < Self.largestClusters || entry.records > (largest.last?.records ?? 0) {
            largest.append(cluster)
            largest.sort { $0.records != $1.records ? $0.records > $1.records : $0.cluster < $1.cluster }
            if largest.count > Self.largestClusters { largest.removeLast() }
        }
    }

    func report(manifest: RunManifest, checkpoint: String?, notes: [String]) -> RunReport {
        let sourceList = sources.values.sorted { $0.id < $1.id }
        let accepted = sourceList.reduce(0) { $0 + $1.accepted }
        let quarantined = sourceList.reduce(0) { $0 + $1.quarantined }
        let recordsIn = sourceList.reduce(0) { $0 + $1.recordsIn }
        func ordered(_ table: [String: RunReport.RuleCount]) -> [RunReport.RuleCount] {
            table.values.sorted { $0.records != $1.records ? $0.records > $1.records : $0.rule < $1.rule }
        }
        return RunReport(
            runID: manifest.runID, status: manifest.status.rawValue, mode: manifest.mode, pipeline: manifest.pipeline,
            startedAt: manifest.startedAt, finishedAt: manifest.finishedAt, checkpoint: checkpoint,
            books: .init(
                recordsIn: recordsIn, accepted: accepted, merged: sourceList.reduce(0) { $0 + $1.merged }, quarantined: quarantined,
                participants: clusterCount, balanced: recordsIn == accepted + quarantined
            ),
            sources: sourceList,
            stages: manifest.stages.map {
                .init(
                    name: $0.name, type: $0.type, recordsIn: $0.recordsIn, recordsOut: $0.recordsOut, quarantined: $0.quarantined, seconds: $0.seconds,
                    recordsPerSecond: $0.recordsPerSecond)
            },
            quarantine: ordered(quarantine), warnings: ordered(warnings),
            clusters: .init(count: clusterCount, largest: largest),
            participants: .init(
                ids: participantClusters.count, new: nil, merged: merged.sorted(),
                split: splits.map { .init(cluster: $0.key, parts: $0.value.parts.count, participants: $0.value.participants.sorted()) }.sorted {
                    $0.cluster < $1.cluster
                }
            ),
            diagnostics: manifest.diagnostics.filter { $0.severity != .error }, problems: manifest.problems,
            notes: notes
                + (manifest.prunedRuns.map { ["pruned \($0.count) older run folders (keepRuns in pipeline.json): " + $0.joined(separator: ", ")] } ?? [])
        )
    }
}
