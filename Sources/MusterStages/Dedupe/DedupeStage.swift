internal import Foundation
public import MusterCore

/// Groups records of the same person into clusters with a probabilistic matcher
/// (``Matcher``): blocking rules find candidate pairs, comparisons give each pair a level
/// vector, a Fellegi–Sunter model weighs it, and guarded clustering merges pairs above the
/// threshold without ever joining two NIKs or a family through its one phone.
///
/// It must see every record before it can emit one. It keeps only a projection of each record
/// (the values matching reads) and spools the records themselves, in memory while they are few
/// and to a temporary file beyond `spoolAboveRecords`. It emits each cluster's records
/// together, clusters in order of their first member, so later stages can work cluster by
/// cluster; each merged pair's evidence (rule, levels, weights) rides on its later record.
/// Programme records and records already quarantined pass through at once, untouched.
public final class DedupeStage: Stage {
    public struct Options: Decodable, Sendable {
        var matcher: MatcherSettings
        /// Above this many held records, records wait in a temporary file instead of memory.
        public var spoolAboveRecords: Int

        public init(spoolAboveRecords: Int = 100_000) {
            matcher = MatcherSettings()
            self.spoolAboveRecords = spoolAboveRecords
        }

        private enum CodingKeys: String, CodingKey {
            case comparisons, blocking, trainingRules, threshold, maxBlockSize, window, uSamplePairs, guards, weights, model, retrain, trainFromRecords
            case spoolAboveRecords
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            var settings = MatcherSettings()
            if let comparisons = try container.decodeIfPresent([Comparison].self, forKey: .comparisons) { settings.comparisons = comparisons }
            if let blocking = try container.decodeIfPresent([BlockingRule].self, forKey: .blocking) { settings.blocking = blocking }
            if let rules = try container.decodeIfPresent([String].self, forKey: .trainingRules) { settings.trainingRules = rules }
            if container.contains(.threshold) { settings.threshold = try container.decode(Double.self, forKey: .threshold, in: 0.5...0.999999) }
            if container.contains(.maxBlockSize) { settings.maxBlockSize = try container.decode(Int.self, forKey: .maxBlockSize, in: 2...100_000) }
            if container.contains(.window) { settings.window = try container.decode(Int.self, forKey: .window, in: 1...1000) }
            if container.contains(.uSamplePairs) {
                settings.uSamplePairs = try container.decode(Int.self, forKey: .uSamplePairs, in: 1000...100_000_000)
            }
            if let guards = try container.decodeIfPresent(MatchGuards.self, forKey: .guards) { settings.guards = guards }
            settings.weights = try container.decodeIfPresent(MatchModel.self, forKey: .weights)
            if let model = try container.decodeIfPresent(String.self, forKey: .model) {
                guard !model.isEmpty else { throw DecodingError.dataCorruptedError(forKey: .model, in: container, debugDescription: "a file path") }
                settings.model = model
            }
            settings.retrain = try container.decodeIfPresent(Bool.self, forKey: .retrain) ?? false
            if container.contains(.trainFromRecords) {
                settings.trainFromRecords = try container.decode(Int.self, forKey: .trainFromRecords, in: 0...100_000_000)
            }
            if let problem = settings.problem {
                throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: problem))
            }
            matcher = settings
            spoolAboveRecords =
                container.contains(.spoolAboveRecords)
                ? try container.decode(Int.self, forKey: .spoolAboveRecords, in: 0...100_000_000) : 100_000
        }
    }

    public static let descriptor = StageDescriptor(
        id: "dedupe",
        summary:
            "Clusters records of one person: blocking, Fellegi–Sunter weights learned per run (or saved, or fixed), guarded clustering; keeps each merge's evidence.",
        holdsAllRecords: true,
        options: [
            OptionDescriptor(
                "comparisons", type: "[object]", default: "name, nik, phone, email, birthDate, kelurahan, sector, session",
                summary: "Fields compared and their levels."),
            OptionDescriptor(
                "blocking", type: "[object]",
                default: "nik, phone, email, name-birth-date, name-kelurahan, session-name-start, session-surname-sound",
                summary: "Rules whose shared keys make candidate pairs."),
            OptionDescriptor(
                "trainingRules", type: "[string]", default: "[\"nik\", \"name-kelurahan\"]", summary: "Blocking rules whose pairs train m by EM."),
            OptionDescriptor("threshold", type: "number", default: "0.95", summary: "Match probability from which a pair merges (0.5–0.999999)."),
            OptionDescriptor("maxBlockSize", type: "integer", default: "500", summary: "Larger blocks are paired within a sorted window, with a warning."),
            OptionDescriptor("window", type: "integer", default: "20", summary: "Neighbours paired in an oversized block."),
            OptionDescriptor("uSamplePairs", type: "integer", default: "1000000", summary: "Random pairs sampled for u."),
            OptionDescriptor(
                "guards", type: "object",
                default: "{\"identifier\": \"nik\", \"names\": \"name\", \"agreeingNameLevels\": 3, \"context\": {\"comparison\": \"session\", …}}",
                summary: "Comparisons the clustering guards read: the NIK, the names, and the batch a record without identifiers needs."),
            OptionDescriptor("weights", type: "object", default: "none", summary: "A fixed model (m, u and prior per comparison level): no training."),
            OptionDescriptor(
                "model", type: "string", default: "\".muster/match-model.json\"",
                summary: "Where the trained model is saved and reused, relative to pipeline.json."),
            OptionDescriptor("retrain", type: "boolean", default: "false", summary: "Train even when a saved model fits."),
            OptionDescriptor(
                "trainFromRecords", type: "integer", default: "10000",
                summary: "A run with no fixed or saved model trains one only from this many records; fewer use the shipped model."),
            OptionDescriptor("spoolAboveRecords", type: "integer", default: "100000", summary: "Records held in memory before they wait in a temporary file."),
        ]
    )

    private let options: Options
    private let matcher: Matcher
    private let modelPath: String
    private let spool: RecordSpool
    private var projected: [FieldValues] = []
    private let batchSize: Int
    private let context: StageContext
    /// Time spent taking records in (projecting and spooling them), and reading them back
    /// from the spool: the run report says where dedupe's time went besides matching.
    private var holdingSeconds = 0.0
    private var readingSeconds = 0.0

    public init(options: Options, context: StageContext) {
        self.options = options
        self.matcher = Matcher(settings: options.matcher)
        self.modelPath = context.configuration.resolve(options.matcher.model)
        self.spool = RecordSpool(memoryLimit: options.spoolAboveRecords)
        self.batchSize = context.batchSize
        self.context = context
    }

    public func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws {
        let start = ContinuousClock.now
        defer { holdingSeconds += (ContinuousClock.now - start).inSeconds }
        var passing: RecordBatch = []
        for record in batch {
            guard record.source.kind == .participant, !record.isQuarantined else {
                passing.append(record)
                continue
            }
            guard let normalized = record.normalized else {
                throw MusterError(.stageFailed, "dedupe needs normalized records; run normalize before dedupe", location: record.source.provenance.reference)
            }
            projected.append(matcher.project(normalized.values))
            try spool.append(record)
        }
        if !passing.isEmpty { try emit(passing) }
    }

    public func finish(emit: (RecordBatch) throws -> Void) throws {
        matcher.assignSessions(&projected)
        let store = ModelStore(path: modelPath)
        let (model, source, previous) = chooseModel(store, records: projected.count)
        var outcome = matcher.match(projected, model: model, source: source)
        projected = []
        if source == .trained {
            if let previous { outcome.report.changeFromPrevious = outcome.model.weightChange(from: previous) }
            do {
                try store.save(outcome.model)
                if let training = outcome.report.training { try store.saveTraining(training.rules) }
            } catch {
                context.diagnostics.warning("could not save the trained model to \(modelPath): \(error)", stage: context.stageName)
            }
        }
        for line in outcome.report.lines { context.diagnostics.info(line, stage: context.stageName) }
        for warning in outcome.report.warnings { context.diagnostics.warning(warning, stage: context.stageName) }
        try emitClusters(outcome, emit: emit)
        let held = String(format: "%.2f", holdingSeconds)
        let read = String(format: "%.2f", readingSeconds)
        let place = spool.isSpilled ? " in a temporary file (above spoolAboveRecords, \(options.spoolAboveRecords))" : " in memory"
        context.diagnostics.info(
            "held \(spool.count) records\(place) in \(held) s; read them back in cluster order in \(read) s", stage: context.stageName)
        spool.close()
    }

    /// The fixed model, else a saved one that fits these comparisons (unless `retrain`), else
    /// the shipped one for a run too small to train on, else none (train). The saved model is
    /// returned as `previous` when training replaces it.
    private func chooseModel(_ store: ModelStore, records: Int) -> (MatchModel?, MatchReport.ModelSource, MatchModel?) {
        let settings = options.matcher
        if let fixed = settings.weights { return (fixed, .fixed, nil) }
        var saved: MatchModel?
        do {
            saved = try store.load()
        } catch {
            context.diagnostics.warning("the saved model \(modelPath) cannot be read (\(error))", stage: context.stageName)
        }
        if let model = saved, let mismatch = model.mismatch(with: settings.comparisons) {
            context.diagnostics.warning("the saved model \(modelPath) does not fit the comparisons (\(mismatch))", stage: context.stageName)
            saved = nil
        }
        if let saved, !settings.retrain { return (saved, .saved, nil) }
        if records < settings.trainFromRecords {
            if !settings.retrain, let shipped = DefaultModel.model(for: settings.comparisons) { return (shipped, .shipped, nil) }
            let why = settings.retrain ? "retrain is set" : "no saved or shipped model fits the comparisons"
            context.diagnostics.warning(
                "training on \(records) records, fewer than trainFromRecords (\(settings.trainFromRecords)), because \(why): "
                    + "u and m learned from so few pairs are unreliable", stage: context.stageName)
        }
        return (nil, .trained, saved)
    }

    /// Emits each cluster's records together, clusters in order of their first member; each
    /// merged pair's evidence goes on its later record, naming the earlier one.
    private func emitClusters(_ outcome: Matcher.Outcome, emit: (RecordBatch) throws -> Void) throws {
        var members = [[Int32]](repeating: [], count: outcome.report.clusters)
        for (record, cluster) in outcome.cluster.enumerated() { members[Int(cluster)].append(Int32(record)) }
        var linksOf: [Int32: [Int]] = [:]
        for (index, link) in outcome.links.enumerated() { linksOf[link.b, default: []].append(index) }
        var batch: RecordBatch = []
        batch.reserveCapacity(batchSize)
        // Clusters in groups of about four batches, each group's records decoded together.
        var start = 0
        while start < members.count {
            var end = start
            var held = 0
            while end < members.count, end == start || held < 4 * batchSize {
                held += members[end].count
                end += 1
            }
            let reading = ContinuousClock.now
            let decoded = try spool.records(at: members[start..<end].flatMap { $0 })
            readingSeconds += (ContinuousClock.now - reading).inSeconds
            var offset = 0
            for cluster in members[start..<end] {
                let records = Array(decoded[offset..<(offset + cluster.count)])
                offset += cluster.count
                try emitCluster(cluster, records, outcome: outcome, linksOf: linksOf, into: &batch, emit: emit)
            }
            start = end
        }
        if !batch.isEmpty { try emit(batch) }
    }

    /// One cluster's records with their match: the cluster's id (its first record's key) and
    /// the evidence of the links that end at each record.
    private func emitCluster(
        _ cluster: [Int32], _ records: [Record], outcome: Matcher.Outcome, linksOf: [Int32: [Int]], into batch: inout RecordBatch,
        emit: (RecordBatch) throws -> Void
    ) throws {
        var records = records
        guard let clusterID = records.first?.key else { return }
        var keyOf: [Int32: String] = [:]
        if records.count > 1 { for (number, record) in zip(cluster, records) { keyOf[number] = record.key } }
        for (position, number) in cluster.enumerated() {
            let evidence = (linksOf[number] ?? []).map { index in
                let link = outcome.links[index]
                return MatchEvidence(rule: link.rule, other: keyOf[link.a] ?? "", weights: link.weights)
            }
            records[position].match = Match(cluster: clusterID, evidence: evidence)
        }
        batch += records
        if batch.count >= batchSize {
            try emit(batch)
            batch.removeAll(keepingCapacity: true)
        }
    }
}
