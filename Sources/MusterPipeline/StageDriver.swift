internal import Foundation
internal import MusterCore

/// Drives one stage inside a run: feeds it batches, writes what it emits to its checkpoint,
/// passes that on to the next stage, and keeps the books (counts in and out, a checksum of
/// record keys in and out, and the stage's own time without the stages after it).
///
/// A driver with a ``StageLane`` runs its stage (and the stages after it) on that lane.
final class StageDriver: @unchecked Sendable {
    // @unchecked: a driver's state is touched by one thread at a time — the caller's, or its
    // lane's once it has one; the runner reads the books only after `finish` or `settle`.
    let index: Int
    let configuration: StageConfiguration
    let stage: any Stage
    /// nil for the registry writer: its output is the registry.
    let writer: CheckpointWriter?
    let next: StageDriver?
    /// Called with every record leaving the last stage of the run.
    let sink: (Record) -> Void
    let lane: StageLane?
    /// Where this stage reports how far it has got, and its place there.
    let progress: (board: RunProgress, slot: Int)?
    var input: String?

    private(set) var recordsIn = 0
    private(set) var recordsOut = 0
    private(set) var quarantinedIn = 0
    private(set) var quarantinedOut = 0
    private(set) var keysIn: UInt64 = 0
    private(set) var keysOut: UInt64 = 0
    private(set) var seconds = 0.0
    private(set) var contentHash = ""
    private var downstreamSeconds = 0.0
    /// Input records not yet emitted, with their place in the input, kept while the
    /// checkpoint stores patches over its base; a taken slot is nil.
    private var awaiting: [CheckpointWriter.Base?] = []
    private var awaitingHead = 0

    init(
        index: Int, configuration: StageConfiguration, stage: any Stage, writer: CheckpointWriter?,
        next: StageDriver?, lane: StageLane? = nil, progress: (board: RunProgress, slot: Int)? = nil, sink: @escaping (Record) -> Void
    ) {
        self.index = index
        self.configuration = configuration
        self.stage = stage
        self.writer = writer
        self.next = next
        self.lane = lane
        self.progress = progress
        self.sink = sink
    }

    func push(_ batch: RecordBatch) throws {
        guard let lane else { return try receive(batch) }
        try lane.submit { try self.receive(batch) }
    }

    /// Waits for this stage's lane and those after it to have nothing running.
    func settle() {
        lane?.settle()
        next?.settle()
    }

    private func receive(_ batch: RecordBatch) throws {
        if writer?.base != nil {
            for (offset, record) in batch.enumerated() { awaiting.append((recordsIn + offset, record)) }
        }
        recordsIn += batch.count
        for record in batch {
            keysIn &+= Self.checksum(record.key)
            if record.isQuarantined { quarantinedIn += 1 }
        }
        try timed { try stage.process(batch, emit: emit) }
    }

    /// Finishes this stage, then — only if its books balance — the stages after it, so a
    /// stage that lost or invented records stops the run before anything is exported.
    func finish() throws {
        guard let lane else { return try complete() }
        try lane.finish { try self.complete() }
    }

    private func complete() throws {
        try timed { try stage.finish(emit: emit) }
        contentHash = try writer?.close() ?? ""
        if let progress { progress.board.finish(at: progress.slot) }
        if isSource {
            recordsIn = recordsOut
            keysIn = keysOut
        }
        guard balanced else { throw MusterError(.unbalanced, imbalance, location: "stage \(configuration.name)") }
        try next?.finish()
    }

    /// A source stage (ingest) has no input: what it emits is what came in.
    var isSource: Bool { type(of: stage).descriptor.input == .sources }

    /// What is wrong with the books of an unbalanced stage.
    var imbalance: String {
        "stage \(configuration.name) received \(recordsIn) records and emitted \(recordsOut)"
            + (recordsIn == recordsOut ? " but not the same ones" : "")
    }

    var balanced: Bool { recordsIn == recordsOut && keysIn == keysOut }

    var report: RunManifest.StageReport {
        RunManifest.StageReport(
            index: index,
            name: configuration.name,
            type: configuration.type,
            checkpoint: writer == nil ? nil : RunStore.checkpointName(index: index, name: configuration.name),
            recordsIn: recordsIn,
            recordsOut: recordsOut,
            quarantined: max(0, quarantinedOut - quarantinedIn),
            quarantinedTotal: quarantinedOut,
            contentHash: contentHash,
            seconds: seconds,
            recordsPerSecond: seconds > 0 ? Double(recordsOut) / seconds : 0,
            input: input,
            checkpointWaitSeconds: writer?.waitedSeconds,
            checkpointBytes: writer?.bytes
        )
    }

    private func emit(_ batch: RecordBatch) throws {
        recordsOut += batch.count
        if let progress { progress.board.add(batch.count, at: progress.slot) }
        for record in batch {
            keysOut &+= Self.checksum(record.key)
            if record.isQuarantined { quarantinedOut += 1 }
        }
        if let writer {
            try writer.write(batch, bases: writer.base == nil ? nil : batch.map(takeBase))
        }
        let start = Date()
        if let next {
            try next.push(batch)
        } else {
            batch.forEach(sink)
        }
        downstreamSeconds += Date().timeIntervalSince(start)
    }

    /// The input record `record` came from: the oldest one awaiting with its key (the first
    /// one looked at, unless the stage emitted out of order); nil if none awaits.
    private func takeBase(for record: Record) -> CheckpointWriter.Base? {
        var index = awaitingHead
        while index < awaiting.count, awaiting[index]?.record.key != record.key { index += 1 }
        guard index < awaiting.count else { return nil }
        let base = awaiting[index]
        awaiting[index] = nil
        while awaitingHead < awaiting.count, awaiting[awaitingHead] == nil { awaitingHead += 1 }
        if awaitingHead >= 4096, awaitingHead * 2 >= awaiting.count {
            awaiting.removeFirst(awaitingHead)
            awaitingHead = 0
        }
        return base
    }

    private func timed(_ body: () throws -> Void) throws {
        let start = Date()
        let downstreamBefore = downstreamSeconds
        let waitedBefore = writer?.waitedSeconds ?? 0
        defer {
            seconds += Date().timeIntervalSince(start) - (downstreamSeconds - downstreamBefore) - ((writer?.waitedSeconds ?? 0) - waitedBefore)
        }
        try body()
    }

    /// A record key's hash: summed over a stage's input and output, equal sums say the
    /// same records came out as went in (not only the same number).
    static func checksum(_ key: String) -> UInt64 { FastHash.of(key) }
}
