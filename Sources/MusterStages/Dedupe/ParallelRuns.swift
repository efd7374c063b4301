internal import Foundation
internal import Synchronization

/// Work split into equal runs over the machine's cores, each run's result kept in its place:
/// the results are the same however many threads ran them. Dedupe's steps over millions of
/// pairs and records use it; below `minimumPerRun` items a thread costs more than it saves.
enum ParallelRuns {
    /// `body` on each of up to `workers` consecutive ranges splitting `0..<count`, in order.
    /// The first error any run throws is thrown.
    static func map<T: Sendable, E: Error>(
        count: Int, minimumPerRun: Int = 10_000, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ body: @Sendable (Range<Int>) throws(E) -> T
    ) throws(E) -> [T] {
        let runs = max(1, min(workers, count / max(minimumPerRun, 1)))
        if runs == 1 { return [try body(0..<count)] }
        let slots = Mutex([Result<T, E>?](repeating: nil, count: runs))
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            let result = Result { () throws(E) -> T in try body((count * run / runs)..<(count * (run + 1) / runs)) }
            slots.withLock { $0[run] = result }
        }
        var results: [T] = []
        results.reserveCapacity(runs)
        for slot in slots.withLock({ $0 }) {
            guard let slot else { preconditionFailure("every run leaves its result") }
            results.append(try slot.get())
        }
        return results
    }
}
