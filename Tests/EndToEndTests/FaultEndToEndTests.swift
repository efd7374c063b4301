import Foundation
import GRDB
import MusterTesting
import Testing

/// What a nightly job meets sooner or later: a damaged checkpoint, a run killed halfway
/// through writing the registry, a full disk. Each leaves the registry as it was and says
/// what happened in one line.
@Suite(.serialized) struct FaultEndToEndTests {
    func facts(_ registry: String) throws -> (integrity: String, participants: Int, runs: Int) {
        try DatabaseQueue(path: registry).read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "",
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participants") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? -1
            )
        }
    }

    func runFolders(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder + "/runs")) ?? []
    }

    @Test func aDamagedCheckpointIsRefusedNamingTheFile() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        #expect(try muster.run("run", "--no-progress").status == 0)
        let run = try #require(runFolders(muster.workspace.path + "/.muster").first)
        let checkpoint = ".muster/runs/\(run)/02-normalize.ndjson.zst"
        let path = muster.workspace.path + "/" + checkpoint
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: path))

        let refused = try muster.run("run", "--no-progress", "--stage", "dedupe")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("muster: error: \(path): the checkpoint is damaged: its hash is "), "\(refused.stderr)")
        #expect(runFolders(muster.workspace.path + "/.muster") == [run], "nothing ran")
        // Validate's checkpoint is stored over dedupe's, which is whole: normalize's damage is
        // not in the chain export reads.
        let downstream = try muster.run("run", "--no-progress", "--stage", "export")
        #expect(downstream.status == 0, "the registry writer reads validate's checkpoint, which is whole: \(downstream.stderr)")
    }

    /// SIGKILL while export writes the registry: the registry is as it was, and the next run
    /// takes both stale locks over, says so, and imports.
    @Test func aRunKilledDuringExportLeavesTheRegistryWholeAndTheNextRunTakesOver() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        #expect(try muster.run("run", "--no-progress").status == 0)
        let before = try facts(muster.registry)
        #expect(before == ("ok", try ExpectedRegistry.load().counts.participants, 1))
        // Generated sources big enough that export takes a while, writing the same registry.
        #expect(try muster.run("generate", "--people", "3000", "--seed", "7", "--out", "gen").status == 0)
        try muster.edit("gen/pipeline.json") {
            $0.replacingOccurrences(of: #""registry": ".muster/registry.sqlite""#, with: #""registry": "../.muster/registry.sqlite""#)
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: MusterProcess.executable)
        process.arguments = ["run", "--pipeline", "gen/pipeline.json", "--no-progress"]
        process.currentDirectoryURL = URL(fileURLWithPath: muster.workspace.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The rollback journal exists while export's transaction has changed pages.
        let journal = muster.registry + "-journal"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: journal), process.isRunning, Date() < deadline { usleep(2_000) }
        usleep(300_000)
        #expect(process.isRunning, "export was still writing when killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(try facts(muster.registry) == before)
        let next = try muster.run("run", "--pipeline", "gen/pipeline.json", "--no-progress")
        #expect(next.status == 0 || next.status == 4, "\(next.stderr)")
        #expect(next.stdout.contains("warning: run: took over the lock left by run "), "\(next.stdout)")
        #expect(next.stdout.contains("warning: export: registry: took over the lock left by run "), "\(next.stdout)")
        let after = try facts(muster.registry)
        #expect(after.integrity == "ok" && after.runs == 2 && after.participants > before.participants)
    }

    /// The work directory on a file system too small for the run: one line naming the file
    /// that could not be written and why, no half-written run folder, the registry untouched.
    @Test(arguments: ["16k", "48k"])
    func aFullDiskStopsTheRunCleanly(size: String) throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        #expect(try muster.run("run", "--no-progress").status == 0)
        let registryBefore = try Data(contentsOf: URL(fileURLWithPath: muster.registry))
        try muster.edit("pipeline.json") { $0.replacingOccurrences(of: #""workDirectory": ".muster""#, with: #""workDirectory": "small""#) }
        try FileManager.default.createDirectory(atPath: muster.workspace.path + "/small", withIntermediateDirectories: true)

        // A tmpfs of `size` mounted for this one process, in a mount namespace of its own.
        let script = """
            mount -t tmpfs -o size=\(size) tmpfs small || exit 99
            "$0" run --no-progress; status=$?
            echo "run folders left: $(ls small/runs | wc -l)"
            exit $status
            """
        let result = try muster.run(
            ["--map-root-user", "--mount", "/bin/sh", "-c", script, MusterProcess.executable], executable: "/usr/bin/unshare"
        )
        #expect(result.status == 1, "\(result.stderr)")
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("muster: error: ") }
        #expect(errors.count == 1, "\(result.stderr)")
        #expect(errors.first?.contains(muster.workspace.path + "/small/runs/") == true)
        #expect(errors.first?.hasSuffix("cannot be written: the disk is full (no space left on the device)") == true, "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(result.stdout.hasSuffix("run folders left: 0\n"), "\(result.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: muster.registry)) == registryBefore)
    }
}
