internal import Synchronization

/// How far each stage of the running run has got, for a progress display: records emitted
/// so far, and whether the stage has finished. Updated once per batch.
public final class RunProgress: Sendable {
    /// One stage's progress.
    public struct Stage: Sendable, Hashable {
        public var name: String
        public var records: Int
        public var finished: Bool
    }

    private let stages = Mutex<[Stage]>([])

    public init() {}

    /// The stages of the run, in order, as far as they have got.
    public var snapshot: [Stage] { stages.withLock { $0 } }

    func begin(_ names: [String]) {
        stages.withLock { $0 = names.map { Stage(name: $0, records: 0, finished: false) } }
    }

    func add(_ records: Int, at index: Int) {
        stages.withLock { if $0.indices.contains(index) { $0[index].records += records } }
    }

    func finish(at index: Int) {
        stages.withLock { if $0.indices.contains(index) { $0[index].finished = true } }
    }
}
