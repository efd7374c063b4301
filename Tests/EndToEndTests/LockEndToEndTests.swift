import Foundation
import MusterTesting
import Testing

/// A second run while another process holds a lock: exit 3 and nothing run, for each lock
/// the run needs (the work directory's and the registry's).
@Suite(.serialized) struct LockEndToEndTests {
    /// Holds `path` with `flock(1)`, a process of its own (with `--no-fork` the lock holder is
    /// the process itself), until the returned process is ended.
    func holdLock(_ path: String) throws -> Process {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--exclusive", "--no-fork", path, "--command", "echo held; exec sleep 120"]
        let out = Pipe()
        holder.standardOutput = out
        try holder.run()
        // flock prints only once it holds the lock.
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        #expect(line == "held\n")
        return holder
    }

    func release(_ holder: Process) {
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
    }

    func runFolders(_ muster: MusterProcess) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: muster.workspace.path + "/.muster/runs")) ?? []
    }

    @Test func aHeldRegistryStopsTheRunBeforeItsFirstStage() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        let holder = try holdLock(muster.registry + ".lock")
        defer { release(holder) }
        let result = try muster.run("run", "--no-progress")
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains(".muster/registry.sqlite.lock: locked by another run; wait for it to finish"), "\(result.stderr)")
        #expect(!result.stderr.contains("books"))
        #expect(!result.stdout.contains("ingest"), "no stage ran: \(result.stdout)")
        #expect(runFolders(muster).isEmpty, "no run folder is made")
        #expect(!FileManager.default.fileExists(atPath: muster.registry), "the registry is not created")
    }

    @Test func aHeldWorkDirectoryStopsTheRunBeforeItsFirstStage() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        #expect(try muster.run("run", "--no-progress").status == 0)
        let registryBefore = try Data(contentsOf: URL(fileURLWithPath: muster.registry))
        let holder = try holdLock(muster.workspace.path + "/.muster/lock")
        defer { release(holder) }
        for arguments in [["run", "--no-progress"], ["run", "--no-progress", "--stage", "dedupe"]] {
            let result = try muster.run(arguments)
            #expect(result.status == 3, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(".muster/lock: locked by another run; wait for it to finish"), "\(result.stderr)")
            #expect(runFolders(muster).count == 1, "only the first run's folder")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: muster.registry)) == registryBefore)
    }
}
