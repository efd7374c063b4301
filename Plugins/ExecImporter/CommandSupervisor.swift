#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Drives one running command to its end: reads stdout and stderr as they arrive (so
/// neither pipe fills and blocks the command), enforces the timeouts, and reaps it.
struct CommandSupervisor {
    /// How one run ended.
    enum End: Equatable {
        /// The command exited (or was killed by a signal someone else sent).
        case finished(ChildProcess.Status)
        /// It ran longer than the timeout.
        case timedOut
        /// It wrote nothing for the idle timeout.
        case idle
    }

    let timeout: Duration
    let idleTimeout: Duration?
    /// How often to check whether the command ended while something it started still holds its pipes.
    static let reapInterval = Duration.milliseconds(100)
    static let chunkSize = 64 * 1024

    /// Runs until both pipes reach end of file and the command has ended, or a timeout.
    /// `stdout` may throw to stop early; the caller then stops the command.
    func run(
        _ child: ChildProcess,
        stdout: (ArraySlice<UInt8>) throws -> Void,
        stderr: (ArraySlice<UInt8>) -> Void
    ) rethrows -> End {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var lastOutput = clock.now
        var nextReap = clock.now + Self.reapInterval
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        while child.isOutputOpen || child.reapIfEnded() == nil {
            let now = clock.now
            if now >= deadline { return .timedOut }
            if let idleTimeout, now - lastOutput >= idleTimeout { return .idle }
            var wait = deadline - now
            if let idleTimeout { wait = min(wait, lastOutput + idleTimeout - now) }
            if child.status == nil { wait = min(wait, max(.zero, nextReap - now)) }
            if !child.isOutputOpen {
                // Both pipes are closed but the command runs on: wait for it in short steps.
                usleep(UInt32(Self.milliseconds(min(wait, .milliseconds(5))) * 1000))
                continue
            }
            let ready = child.waitForOutput(milliseconds: Self.milliseconds(wait))
            var wrote = false
            if ready.stdout {
                let count = child.readStdout(into: &buffer)
                if count > 0 {
                    wrote = true
                    try stdout(buffer[..<count])
                }
            }
            if ready.stderr {
                let count = child.readStderr(into: &buffer)
                if count > 0 {
                    wrote = true
                    stderr(buffer[..<count])
                }
            }
            if wrote { lastOutput = clock.now }
            if child.status == nil, clock.now >= nextReap {
                nextReap = clock.now + Self.reapInterval
                // The command ended, yet its pipes are open: something it started holds them.
                // The protocol ends with the command, so its leftovers are stopped.
                if child.reapIfEnded() != nil { child.signalGroup(SIGKILL) }
            }
        }
        return child.status.map(End.finished) ?? .finished(.signaled(0))
    }

    /// A wait in whole milliseconds for poll: at least 1, so a sub-millisecond rest never spins.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(1, total))
    }
}

extension ChildProcess {
    /// Stops the command if it still runs: SIGTERM to its group, up to `grace` to end, then
    /// SIGKILL; always reaps it.
    func stop(grace: Duration = .seconds(1)) {
        guard reapIfEnded() == nil else {
            // Anything the command started and left behind in its group goes with it.
            signalGroup(SIGKILL)
            return
        }
        signalGroup(SIGTERM)
        let clock = ContinuousClock()
        let deadline = clock.now + grace
        while reapIfEnded() == nil, clock.now < deadline {
            usleep(5_000)
        }
        if status == nil {
            signalGroup(SIGKILL)
            waitForExit()
        }
        signalGroup(SIGKILL)
    }
}
