import Foundation
import MusterCore
import MusterPipeline
import MusterStages
import MusterTesting
import Testing

@Suite struct PipelineRunnerTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory("muster-runner")
        try directory.write("in/a.txt", "Siti,0812-1111-2222\nBudi,0813-2222-3333\n!broken line\nAni,\n")
        try directory.write("in/b.txt", "Dewi,0812-1111-2222\n")
    }

    func runner(stages: [StageConfiguration], files: [String] = ["in/*.txt"], maxShare: Double = 1, keepRuns: Int = 7) throws -> PipelineRunner {
        let json = """
            {"version": 1, "sources": [{"id": "people", "importer": "lines", "files": [\(files.map { "\"\($0)\"" }.joined(separator: ", "))]}],
             "stages": [{"type": "ingest"}], "maxQuarantinedShare": \(maxShare), "keepRuns": \(keepRuns)}
            """
        var configuration = try PipelineConfiguration.parse(data: Array(json.utf8), file: "pipeline.json", baseDirectory: directory.path)
        configuration.stages = stages
        return PipelineRunner(
            configuration: configuration,
            importers: try ImporterRegistry([LinesImporter.self]),
            stages: try StageRegistry([IngestStage.self, TagStage.self, DropStage.self, SwapStage.self, FailStage.self, ReverseStage.self])
        )
    }

    var tagged: [StageConfiguration] {
        [
            StageConfiguration(type: "ingest"), StageConfiguration(type: "tag", name: "a"), StageConfiguration(type: "tag", name: "b"),
            StageConfiguration(type: "tag", name: "c"),
        ]
    }

    func records(_ path: String) throws -> [Record] {
        var all: [Record] = []
        try CheckpointReader(path: path).forEachBatch { all += $0 }
        return all
    }

    /// A checkpoint's lines as stored, decompressed.
    func lines(_ path: String) throws -> [String] {
        let zstd = Process()
        zstd.executableURL = URL(fileURLWithPath: "/usr/bin/zstd")
        zstd.arguments = ["-dcq", path]
        let out = Pipe()
        zstd.standardOutput = out
        try zstd.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        zstd.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func checkpoint(_ runner: PipelineRunner, _ manifest: RunManifest, _ index: Int) -> String {
        runner.store.directory(of: manifest.runID) + "/" + (manifest.stages[index].checkpoint ?? "")
    }

    @Test func runsEveryStageInDeclaredOrderAndKeepsTheBooks() throws {
        defer { directory.remove() }
        let runner = try runner(stages: tagged)
        let manifest = try runner.run(RunRequest())
        #expect(manifest.status == .ok)
        #expect(manifest.stages.map(\.checkpoint) == ["01-ingest.ndjson.zst", "02-a.ndjson.zst", "03-b.ndjson.zst", "04-c.ndjson.zst"])
        #expect(manifest.stages.map(\.recordsIn) == [5, 5, 5, 5])
        #expect(manifest.stages.map(\.recordsOut) == [5, 5, 5, 5])
        #expect(manifest.stages[0].quarantined == 1)
        let out = try records(checkpoint(runner, manifest, 3))
        #expect(out.filter { !$0.isQuarantined }.allSatisfy { $0.source.fields["trail"] == "a,b,c" })
        #expect(out.first { $0.isQuarantined }?.quarantine.map(\.message) == ["unreadable line (line 3)"])
        let books = try #require(manifest.reconciliation)
        #expect((books.recordsIn, books.accepted, books.quarantined) == (5, 4, 1))
        for stage in manifest.stages {
            let file = try #require(stage.checkpoint)
            var hash = FastHash()
            hash.update(Array(try Data(contentsOf: URL(fileURLWithPath: runner.store.directory(of: manifest.runID) + "/" + file))))
            #expect(stage.contentHash == hash.finalizeHex(), "the manifest's hash of \(file)")
        }
        let saved = try runner.store.manifest(of: manifest.runID)
        #expect(saved.status == .ok && saved.stages.count == 4)
    }

    /// A streaming stage's checkpoint holds only what it changed, as patches over the stage
    /// before it; read back, it is exactly what the stage emitted, in the order it emitted it.
    @Test func streamingStagesStorePatchesThatReadBackAsWhatTheyEmitted() throws {
        defer { directory.remove() }
        let stages = [StageConfiguration(type: "ingest"), StageConfiguration(type: "tag", name: "a"), StageConfiguration(type: "reverse")]
        let runner = try runner(stages: stages)
        let manifest = try runner.run(RunRequest())
        #expect(manifest.status == .ok)
        let ingested = try records(checkpoint(runner, manifest, 0))
        let tagged = try records(checkpoint(runner, manifest, 1))
        let reversed = try records(checkpoint(runner, manifest, 2))
        #expect(tagged.map(\.key) == ingested.map(\.key))
        #expect(tagged.filter { !$0.isQuarantined }.allSatisfy { $0.source.fields["trail"] == "a" })
        // One batch per file: each file's records come out reversed, marked, tags kept.
        var expected: [Record] = []
        for file in ["in/a.txt", "in/b.txt"] {
            expected += tagged.filter { $0.source.provenance.file == file }.reversed().map { record in
                var record = record
                record.registryID = "R-" + record.key
                return record
            }
        }
        #expect(reversed == expected)
        // The patches name their base and hold no whole record.
        let lines = try lines(checkpoint(runner, manifest, 2))
        #expect(lines.first == #"{"checkpoint":{"base":"02-a.ndjson.zst"}}"#)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(#"{"@":"#) && !$0.contains("provenance") })
        #expect(lines.dropFirst().first?.hasPrefix(#"{"@":3,"registryID":"R-people:"#) == true)
    }

    /// A checkpoint that no longer matches the hash its run recorded is refused before the
    /// run starts, naming the file; given with --input on purpose, it is read as it is.
    @Test func aDamagedCheckpointIsRefusedUnlessGivenOnPurpose() throws {
        defer { directory.remove() }
        let runner = try runner(stages: tagged)
        let full = try runner.run(RunRequest())
        let path = checkpoint(runner, full, 1)
        // Another run's valid checkpoint in its place: readable, but not what was recorded.
        let other = try runner.run(RunRequest(to: "b"))
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: checkpoint(runner, other, 0), toPath: path)
        try FileManager.default.removeItem(atPath: runner.store.directory(of: other.runID))
        let runsBefore = runner.store.runIDs()
        #expect {
            try runner.run(RunRequest(stage: "b", inputRun: full.runID))
        } throws: { error in
            let error = try #require(error as? MusterError)
            return error.code == .invalidCheckpoint && error.location == path
                && error.message.hasPrefix("the checkpoint is damaged: its hash is ")
        }
        #expect(runner.store.runIDs() == runsBefore, "nothing ran")
        let onPurpose = try runner.run(RunRequest(stage: "b", inputFile: path))
        #expect(onPurpose.status == .ok)
        #expect(onPurpose.stages.first?.recordsIn == 5)
    }

    /// Run folders are pruned to `keepRuns` at the end of every run, but the newest completed
    /// checkpoint of every stage stays, so a single-stage run keeps finding its input.
    @Test func thirtyRunsInARowKeepAtMostKeepRunsFolders() throws {
        defer { directory.remove() }
        let runner = try runner(stages: tagged, keepRuns: 3)
        let full = try runner.run(RunRequest())
        for _ in 0..<30 {
            let single = try runner.run(RunRequest(stage: "c"))
            #expect(single.status == .ok)
            #expect(runner.store.runIDs().count <= 4)
        }
        // The three newest, and the one full run that holds ingest's, a's and b's checkpoints.
        #expect(runner.store.runIDs().count == 4)
        #expect(runner.store.runIDs().last == full.runID)
        var last = full
        for _ in 0..<30 { last = try runner.run(RunRequest()) }
        #expect(runner.store.runIDs().count == 3)
        #expect(last.prunedRuns?.count == 1)
        #expect(try runner.store.manifest(of: last.runID).prunedRuns == last.prunedRuns)
    }

    @Test func oneStageAloneReadsThePreviousCheckpointOfTheLatestRun() throws {
        defer { directory.remove() }
        let runner = try runner(stages: tagged)
        let full = try runner.run(RunRequest())
        let single = try runner.run(RunRequest(stage: "b"))
        #expect(single.status == .ok)
        #expect(single.stages.map(\.name) == ["b"])
        #expect(single.stages.first?.input == "run \(full.runID), 02-a.ndjson.zst")
        let out = try records(checkpoint(runner, single, 0))
        #expect(out.count == 5)
        #expect(out.filter { !$0.isQuarantined }.allSatisfy { $0.source.fields["trail"] == "a,b" })
        // The single-stage run is now the latest holder of 03-b: --from c picks it up.
        let resumed = try runner.run(RunRequest(from: "c"))
        #expect(resumed.stages.first?.input == "run \(single.runID), 03-b.ndjson.zst")
    }

    @Test func fromAndToSelectARange() throws {
        defer { directory.remove() }
        let runner = try runner(stages: tagged)
        let first = try runner.run(RunRequest(to: "a"))
        #expect(first.stages.map(\.name) == ["ingest", "a"])
        let rest = try runner.run(RunRequest(from: "b"))
        #expect(rest.stages.map(\.name) == ["b", "c"])
        let out = try records(checkpoint(runner, rest, 1))
        #expect(out.filter { !$0.isQuarantined }.allSatisfy { $0.source.fields["trail"] == "a,b,c" })
        let middle = try runner.run(RunRequest(from: "b", to: "b", inputRun: first.runID))
        #expect(middle.stages.map(\.name) == ["b"])
    }

    @Test func inputFileReplacesTheCheckpointLookup() throws {
        defer { directory.remove() }
        let runner = try runner(stages: tagged)
        let first = try runner.run(RunRequest(to: "a"))
        let path = checkpoint(runner, first, 1)
        let manifest = try runner.run(RunRequest(stage: "c", inputFile: path))
        #expect(manifest.stages.first?.input == path)
        #expect(try records(checkpoint(runner, manifest, 0)).filter { !$0.isQuarantined }.allSatisfy { $0.source.fields["trail"] == "a,c" })
    }

    @Test func aStageWithNoSavedInputSaysWhatToRunFirst() throws {
        defer { directory.remove() }
        let runner = try runner(stages: tagged)
        #expect {
            try runner.run(RunRequest(stage: "b"))
        } throws: { error in
            "\(error)" == #"no run has a completed checkpoint 02-a.ndjson.zst yet; run up to "a" first (muster run --to a)"#
        }
        #expect {
            try runner.run(RunRequest(stage: "x"))
        } throws: { error in
            "\(error)" == #"unknown stage name "x"; the stage names are: ingest, a, b, c"#
        }
    }

    /// The stages before a failed one emitted records nobody finished: their open books are
    /// a consequence, not news, so the run reports the failure alone.
    @Test func aStageErrorIsReportedAloneWithoutItsFollowOnImbalances() throws {
        defer { directory.remove() }
        let runner = try runner(stages: [StageConfiguration(type: "ingest"), StageConfiguration(type: "tag", name: "a"), StageConfiguration(type: "fail")])
        let manifest = try runner.run(RunRequest())
        #expect(manifest.status == .failed)
        #expect(manifest.problems == ["stage fail: the test stage failed"])
    }

    @Test func aSecondRunIsRefusedWhileTheFirstHoldsTheLock() throws {
        defer { directory.remove() }
        let runner = try runner(stages: tagged)
        let held = try RunLock(path: runner.store.lockPath, runID: "nightly-1")
        #expect {
            try runner.run(RunRequest())
        } throws: { error in
            (error as? MusterError)?.code == .locked
        }
        held.release()
        #expect(try runner.run(RunRequest()).status == .ok)
    }

    @Test func aLockLeftByACrashIsTakenOverAndReported() throws {
        defer { directory.remove() }
        let runner = try runner(stages: tagged)
        try directory.write(".muster/lock", "run-crashed 424242 2026-11-28T02:00:00Z\n")
        let manifest = try runner.run(RunRequest())
        #expect(manifest.status == .ok)
        #expect(
            manifest.diagnostics.map(\.message) == ["took over the lock left by run run-crashed (pid 424242, since 2026-11-28T02:00:00Z), which did not finish"]
        )
    }

    @Test func aStageThatDropsARecordFailsTheRunBeforeLaterStagesComplete() throws {
        defer { directory.remove() }
        let runner = try runner(stages: [StageConfiguration(type: "ingest"), StageConfiguration(type: "drop"), StageConfiguration(type: "tag", name: "after")])
        let manifest = try runner.run(RunRequest())
        #expect(manifest.status == .unbalanced)
        #expect(manifest.problems == ["stage drop received 5 records and emitted 4"])
        // The stage after it never finished: no completed checkpoint, so nothing downstream (an export) committed.
        #expect(!FileManager.default.fileExists(atPath: checkpoint(runner, manifest, 2)))
    }

    @Test func aStageThatSwapsARecordFailsTheRunToo() throws {
        defer { directory.remove() }
        let runner = try runner(stages: [StageConfiguration(type: "ingest"), StageConfiguration(type: "swap")])
        let manifest = try runner.run(RunRequest())
        #expect(manifest.status == .unbalanced)
        #expect(manifest.problems.first == "stage swap received 5 records and emitted 5 but not the same ones")
    }

    @Test func quarantineOverTheLimitEndsOverThreshold() throws {
        defer { directory.remove() }
        let runner = try runner(stages: tagged, maxShare: 0.1)
        let manifest = try runner.run(RunRequest())
        #expect(manifest.status == .overThreshold)
        #expect(manifest.problems == ["quarantined 20.0% of all records, over the limit of 10.0%"])
    }

    @Test func anUnreadableFileFailsTheRunButTheOtherFilesAreRead() throws {
        defer { directory.remove() }
        try directory.write("in/broken.txt", "x\n")
        let runner = try runner(stages: tagged)
        let manifest = try runner.run(RunRequest())
        #expect(manifest.status == .failed)
        #expect(manifest.stages.first?.recordsOut == 5)
        #expect(manifest.problems == ["in/broken.txt:1:1: cannot be read"])
    }
}
