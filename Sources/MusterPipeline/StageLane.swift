internal import Dispatch
internal import Foundation

/// Runs one stage on a thread of its own, fed through a short queue of batches.
///
/// The registry writer is a run's heaviest stage and the last: on its own lane it writes
/// while dedupe and validate on the caller's thread produce the next batches, instead of
/// after them. Batches keep their order, so the registry is the same as in line. A failure
/// is kept and thrown to the next `submit` or to `finish`, which stops the stages before it.
final class StageLane: @unchecked Sendable {
    // @unchecked: `failure` is guarded by `lock`; the work runs on the serial `queue`.
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var failure: (any Error)?

    /// `depth`: batches that may wait for the lane before `submit` blocks.
    init(name: String, depth: Int = 8) {
        queue = DispatchQueue(label: "muster.stage." + name)
        slots = DispatchSemaphore(value: depth)
    }

    /// Queues `work`; waits only while `depth` batches already wait.
    func submit(_ work: @escaping @Sendable () throws -> Void) throws {
        if let failure = currentFailure { throw failure }
        slots.wait()
        queue.async {
            defer { self.slots.signal() }
            guard self.currentFailure == nil else { return }
            do { try work() } catch { self.record(error) }
        }
    }

    /// Waits for everything queued, then runs `work` on the lane.
    func finish(_ work: @Sendable () throws -> Void) throws {
        try queue.sync {
            if let failure = currentFailure { throw failure }
            try work()
        }
    }

    /// Waits until nothing queued is left running, whatever happened.
    func settle() {
        queue.sync {}
    }

    private var currentFailure: (any Error)? {
        lock.withLock { failure }
    }

    private func record(_ error: any Error) {
        lock.withLock { if failure == nil { failure = error } }
    }
}
