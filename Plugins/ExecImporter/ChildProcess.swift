#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// One running command, spawned with `posix_spawn` as the leader of its own process group,
/// its stdin on /dev/null and its stdout and stderr on non-blocking pipes.
///
/// Owned by the one call that reads it. `deinit` closes the pipes and, if the command was
/// never reaped, kills its group and waits for it, so no path leaves a zombie or a stray tap.
final class ChildProcess {
    /// How the command ended.
    enum Status: Equatable {
        case exited(Int32)
        case signaled(Int32)
    }

    /// Which pipes have data (or end of file) waiting.
    struct Readiness {
        var stdout = false
        var stderr = false
    }

    let pid: pid_t
    /// Read ends of the command's stdout and stderr; -1 once at end of file.
    private(set) var stdout: Int32
    private(set) var stderr: Int32
    private(set) var status: Status?

    var isOutputOpen: Bool { stdout >= 0 || stderr >= 0 }

    private init(pid: pid_t, stdout: Int32, stderr: Int32) {
        self.pid = pid
        self.stdout = stdout
        self.stderr = stderr
    }

    /// Starts `executable` (an absolute path) with `arguments` (argv[0] first) in `directory`.
    /// Throws the `errno` of the failure, so the caller can word it.
    static func spawn(executable: String, arguments: [String], environment: [String], directory: String) throws(SpawnFailure) -> ChildProcess {
        var output: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        guard makePipe(&output) else { throw SpawnFailure(errno: errno) }
        guard makePipe(&errors) else {
            let code = errno
            close(output[0])
            close(output[1])
            throw SpawnFailure(errno: code)
        }
        defer {
            close(output[1])
            close(errors[1])
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        guard GNUSpawnExtensions.addChdir(&actions, directory) == 0 else { throw SpawnFailure(errno: ENOSYS) }
        // muster's own files (the registry, the lock) are not the command's business.
        _ = GNUSpawnExtensions.addClosefrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so a timeout can stop the command and everything it started;
        // default signal handling and an empty mask, whatever muster itself ignores or blocks.
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var pid: pid_t = 0
        let result = withCStrings(arguments) { argv in
            withCStrings(environment) { envp in
                posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            }
        }
        guard result == 0 else {
            close(output[0])
            close(errors[0])
            throw SpawnFailure(errno: result)
        }
        _ = fcntl(output[0], F_SETFL, fcntl(output[0], F_GETFL) | O_NONBLOCK)
        _ = fcntl(errors[0], F_SETFL, fcntl(errors[0], F_GETFL) | O_NONBLOCK)
        return ChildProcess(pid: pid, stdout: output[0], stderr: errors[0])
    }

    /// Waits up to `milliseconds` for either pipe to have data or reach end of file.
    func waitForOutput(milliseconds: Int32) -> Readiness {
        var descriptors = [
            pollfd(fd: stdout, events: Int16(POLLIN), revents: 0),
            pollfd(fd: stderr, events: Int16(POLLIN), revents: 0),
        ]
        // poll ignores negative descriptors, so a closed pipe simply never becomes ready.
        var ready: Int32
        repeat {
            ready = descriptors.withUnsafeMutableBufferPointer { poll($0.baseAddress, 2, milliseconds) }
        } while ready < 0 && errno == EINTR
        guard ready > 0 else { return Readiness() }
        return Readiness(stdout: descriptors[0].revents != 0, stderr: descriptors[1].revents != 0)
    }

    /// Reads what the pipe holds into `buffer`; returns the bytes read (0 when it had none
    /// ready), closing the pipe at end of file.
    func readStdout(into buffer: inout [UInt8]) -> Int { readAvailable(&stdout, into: &buffer) }
    func readStderr(into buffer: inout [UInt8]) -> Int { readAvailable(&stderr, into: &buffer) }

    private func readAvailable(_ descriptor: inout Int32, into buffer: inout [UInt8]) -> Int {
        guard descriptor >= 0 else { return 0 }
        let fd = descriptor
        var count: Int
        repeat {
            count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        if count > 0 { return count }
        if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return 0 }
        close(fd)
        descriptor = -1
        return 0
    }

    /// Reaps the command if it has ended, without blocking.
    @discardableResult
    func reapIfEnded() -> Status? {
        if status == nil { wait(options: WNOHANG) }
        return status
    }

    /// Blocks until the command ends and reaps it.
    @discardableResult
    func waitForExit() -> Status? {
        if status == nil { wait(options: 0) }
        return status
    }

    private func wait(options: Int32) {
        var raw: Int32 = 0
        var result: pid_t
        repeat {
            result = waitpid(pid, &raw, options)
        } while result < 0 && errno == EINTR
        if result == pid {
            status = raw & 0x7F == 0 ? .exited((raw >> 8) & 0xFF) : .signaled(raw & 0x7F)
        } else if result < 0 {
            // ECHILD: someone else reaped it; treat as gone so nothing waits forever.
            status = .signaled(0)
        }
    }

    /// Sends `signal` to the command's whole process group (what it started, too).
    func signalGroup(_ signal: Int32) {
        _ = kill(-pid, signal)
    }

    deinit {
        if status == nil {
            signalGroup(SIGKILL)
            waitForExit()
        }
        if stdout >= 0 { close(stdout) }
        if stderr >= 0 { close(stderr) }
    }
}

/// Why `posix_spawn` (or a pipe for it) failed: the `errno` and its text.
struct SpawnFailure: Error {
    var errno: Int32
    var text: String { String(cString: strerror(errno)) }
}

/// A pipe whose two ends are closed on exec (the file actions give the child its copies).
/// `pipe2(O_CLOEXEC)` is glibc-only behind _GNU_SOURCE, which Swift's Glibc module hides.
private func makePipe(_ ends: inout [Int32]) -> Bool {
    guard pipe(&ends) == 0 else { return false }
    _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
    return true
}

/// Calls `body` with a NULL-terminated C array of copies of `strings`, freed afterwards.
private func withCStrings<Result>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result) -> Result {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
}
