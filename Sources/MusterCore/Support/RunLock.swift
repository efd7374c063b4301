internal import Foundation

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// An exclusive lock on a work directory or registry, so two runs never write the same
/// one at once.
///
/// The kernel's `flock` does the excluding, so a crashed run's lock is released by the
/// kernel when its process dies. The lock file also records who holds it (run id, pid,
/// start time) and is emptied on a clean release: finding it non-empty when taking the lock
/// means the previous holder crashed, which ``takeOverNote`` reports.
package final class RunLock {
    /// Who holds (or held) a lock, as written in the lock file.
    package struct Holder: Sendable, Hashable {
        package var runID: String
        package var pid: Int32
        package var since: String
    }

    package let path: String
    /// Set when the lock was left behind by a run that did not finish: say so to the operator.
    package private(set) var takeOverNote: String?
    private var descriptor: Int32

    /// Takes the lock at `path` or throws ``MusterError`` code `locked` naming the holder.
    package init(path: String, runID: String) throws(MusterError) {
        self.path = path
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw MusterError(.io, "cannot open the lock file (\(String(cString: strerror(errno))))", location: path)
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = Self.readHolder(fd)
            close(fd)
            let who = holder.map { "run \($0.runID) (pid \($0.pid), since \($0.since))" } ?? "another run"
            throw MusterError(.locked, "locked by \(who); wait for it to finish", location: path)
        }
        descriptor = fd
        if let previous = Self.readHolder(fd) {
            takeOverNote = "took over the lock left by run \(previous.runID) (pid \(previous.pid), since \(previous.since)), which did not finish"
        }
        let line = "\(runID) \(getpid()) \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = ftruncate(fd, 0)
        _ = line.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// Empties the lock file and releases the lock. Safe to call twice.
    package func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    private static func readHolder(_ fd: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 255, 0) }
        guard count > 0 else { return nil }
        let parts = String(decoding: buffer[0..<count], as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard parts.count >= 3, let pid = Int32(parts[1]) else { return nil }
        return Holder(runID: String(parts[0]), pid: pid, since: String(parts[2]))
    }
}
