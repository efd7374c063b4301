import ExecImporter
import Foundation
import Logging
import MusterCore
import MusterTesting
import Testing

/// Running the command: arguments, folder, environment, exit status, timeouts, chatty
/// stderr, and output far larger than what muster holds.
@Suite struct ExecProcessTests {
    @Test func theMatchedFileIsTheLastArgumentUnlessPlaceholdered() throws {
        let workspace = try Workspace(input: "ignored")
        defer { workspace.remove() }
        let echo = #"printf '%s\n' '{"type":"hello","protocol":"muster-exec/1"}' "{\"type\":\"record\",\"fields\":{\"arg\":\"$1\",\"count\":\"$#\"}}""#
        let appended = try ExecHarness(shell: echo).read(workspace.input)
        #expect(appended.records.first?.fields == ["arg": workspace.input.absolutePath, "count": "1"])

        let placed = try ExecHarness(.init(command: ["/bin/sh", "-c", echo, "sh", "--input={file}"])).read(workspace.input)
        #expect(placed.records.first?.fields == ["arg": "--input=" + workspace.input.absolutePath, "count": "1"])
    }

    @Test func runsInPipelineFolderWithMusterVariablesAndConfiguredEnvironment() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.directory.write(
            "taps/tap.sh",
            """
            printf '%s\\n' '{"type":"hello","protocol":"muster-exec/1"}'
            printf '{"type":"record","fields":{"pwd":"%s","source":"%s","file":"%s","protocol":"%s","office":"%s","stdin":"%s"}}\\n' \
              "$(pwd -P)" "$MUSTER_SOURCE_ID" "$MUSTER_FILE" "$MUSTER_PROTOCOL" "$OFFICE" "$(cat)"
            """)
        let folder = URL(fileURLWithPath: workspace.directory.path).resolvingSymlinksInPath().path
        let inPipelineFolder = try ExecHarness(.init(command: ["/bin/sh", "taps/tap.sh"], environment: ["OFFICE": "Jakarta Selatan"]))
        let (records, error) = inPipelineFolder.read(workspace.input)
        #expect(error == nil)
        #expect(
            records.first?.fields == [
                "pwd": folder, "source": "exec-test", "file": workspace.input.absolutePath,
                "protocol": "muster-exec/1", "office": "Jakarta Selatan", "stdin": "",
            ])
        let inTaps = try ExecHarness(.init(command: ["/bin/sh", "tap.sh"], workingDirectory: "taps")).read(workspace.input)
        #expect(inTaps.records.first?.fields["pwd"] == folder + "/taps")
    }

    @Test func aCommandThatCannotStartNamesItself() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let missing = try ExecHarness(.init(command: ["muster-no-such-tap"])).read(workspace.input)
        #expect(missing.error?.description == #"inbox/input.txt: cannot start command "muster-no-such-tap": not found in PATH"#)
        let relative = try ExecHarness(.init(command: ["taps/none.py"])).read(workspace.input)
        #expect(relative.error?.description == #"inbox/input.txt: cannot start command "taps/none.py": No such file or directory"#)
        let folder = try ExecHarness(.init(command: ["/bin/true"], workingDirectory: "nowhere")).read(workspace.input)
        #expect(folder.error?.description == #"inbox/input.txt: working directory "nowhere" is not a folder"#)
    }

    @Test func aFailingCommandKeepsWhatItWroteAndSaysHowItEnded() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let complaint = "cannot reach the gateway: token for 081311120451 expired"
        let script = printfLines([hello, #"{"type":"record","fields":{"kelurahan":"Tebet Barat"}}"#]) + "; echo '\(complaint)' >&2; exit 3"
        let harness = try ExecHarness(shell: script)
        let (records, error) = harness.read(workspace.input)
        #expect(records.map { $0.fields["kelurahan"] } == ["Tebet Barat"])
        #expect(error?.code == .unreadableInput)
        #expect(error?.description == #"inbox/input.txt: command "/bin/sh" exited with status 3 after 2 output lines; the records before it were kept"#)
        let warnings = harness.log.entries.filter { $0.level == .warning }.map(\.message)
        #expect(
            warnings == [
                "inbox/input.txt: /bin/sh wrote 1 line(s), \(complaint.utf8.count + 1) bytes on stderr",
                "inbox/input.txt: /bin/sh stderr: cannot reach the gateway: token for ############ expired",
            ])

        let killed = try ExecHarness(shell: "kill -9 $$").read(workspace.input)
        #expect(
            killed.error?.description == #"inbox/input.txt: command "/bin/sh" was killed by signal 9 after 0 output lines; the records before it were kept"#)
    }

    @Test func aHangingCommandAndWhatItStartedAreStoppedAtTheTimeout() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let pidFile = workspace.directory.path + "/sleeper.pid"
        let script = printfLines([hello, #"{"type":"record","fields":{}}"#]) + "; sleep 30 & echo $! > \"$PIDFILE\"; wait"
        let harness = try ExecHarness(shell: script, timeoutSeconds: 0.5, environment: ["PIDFILE": pidFile])
        let started = ContinuousClock.now
        let (records, error) = harness.read(workspace.input)
        #expect(ContinuousClock.now - started < .seconds(5), "stopped near the 0.5 s timeout, not after the 30 s sleep")
        #expect(records.count == 1)
        #expect(error?.description == #"inbox/input.txt: command "/bin/sh" did not finish within 0.5 s and was stopped after 2 output lines"#)
        let sleeper = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        // The group was signalled; the orphaned sleep exits asynchronously, so allow it a moment.
        #expect(Self.ends(sleeper, within: .seconds(3)), "the command's background sleep survived the timeout")
    }

    @Test func aSilentCommandIsStoppedAtTheIdleTimeout() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let harness = try ExecHarness(shell: printfLines([hello]) + "; sleep 30", idleTimeoutSeconds: 0.3)
        let (records, error) = harness.read(workspace.input)
        #expect(records.isEmpty)
        #expect(error?.description == #"inbox/input.txt: command "/bin/sh" wrote nothing for 0.3 s and was stopped after 1 output line"#)
    }

    @Test func aCommandThatExitsLeavingABackgroundWriterIsNotWaitedFor() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // The background sleep inherits stdout, so the pipe stays open after the command exits.
        let harness = try ExecHarness(shell: printfLines([hello, #"{"type":"record","fields":{}}"#]) + "; sleep 30 &", timeoutSeconds: 10)
        let started = ContinuousClock.now
        let (records, error) = harness.read(workspace.input)
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(records.count == 1)
        #expect(error == nil)
    }

    @Test func chattyStderrNeitherBlocksTheCommandNorFloodsTheLog() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // 4 MiB of stderr before the first record: a pipe not drained would block the command.
        let script = """
            import json, sys
            for n in range(32768):
                sys.stderr.write("progress %05d %s\\n" % (n, "x" * 110))
            print(json.dumps({"type": "hello", "protocol": "muster-exec/1"}))
            for n in range(1000):
                print(json.dumps({"type": "record", "fields": {"externalID": str(n)}}))
                sys.stderr.write("wrote %d\\n" % n)
            """
        let tap = try workspace.directory.write("chatty.py", script)
        let harness = try ExecHarness(.init(command: ["python3", tap], timeoutSeconds: 60))
        let (records, error) = harness.read(workspace.input)
        #expect(error == nil)
        #expect(records.count == 1000)
        let stderr = harness.log.messages.filter { $0.contains("stderr") }
        #expect(stderr.first == "inbox/input.txt: python3 wrote 33768 line(s), 4138658 bytes on stderr")
        #expect(stderr.count == 1 + 10 + 1 + 10)
        #expect(stderr.contains("inbox/input.txt: python3 stderr: … 33748 more lines not shown …"))
        #expect(stderr.last == "inbox/input.txt: python3 stderr: wrote 999")
    }

    @Test func hugeOutputIsStreamedInBatchesWhileTheCommandRuns() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // The tap writes 200,000 records but pauses after the first 5,000 until muster has
        // emitted a batch: an importer that read to the end first would never see it. It
        // also records how far it got, every 1,000 lines: an importer that buffered output
        // faster than it turned it into records would let the tap run far ahead.
        let marker = workspace.directory.path + "/first-batch-seen"
        let progress = workspace.directory.path + "/progress"
        let script = """
            import os, sys, time
            out = sys.stdout
            out.write('{"type":"hello","protocol":"muster-exec/1"}\\n')
            for n in range(200000):
                if n == 5000:
                    out.flush()
                    while not os.path.exists(sys.argv[1]):
                        time.sleep(0.01)
                if n % 1000 == 0:
                    with open(sys.argv[2] + ".tmp", "w") as note:
                        note.write(str(n))
                    os.replace(sys.argv[2] + ".tmp", sys.argv[2])
                out.write('{"type":"record","fields":{"externalID":"EX%06d"}}\\n' % n)
            """
        let tap = try workspace.directory.write("huge.py", script)
        let importer = try ExecImporter(options: .init(command: ["python3", tap, marker, progress], timeoutSeconds: 120))
        var count = 0
        var largest = 0
        var lastLocator = ""
        var largestLead = 0
        try importer.read(workspace.input, context: ImportContext(sourceID: "huge", batchSize: 1024)) { batch in
            if count == 0 { _ = FileManager.default.createFile(atPath: marker, contents: nil) }
            count += batch.count
            largest = max(largest, batch.count)
            lastLocator = batch.last?.provenance.locator ?? lastLocator
            let written = (try? String(contentsOfFile: progress, encoding: .utf8)).flatMap { Int($0) } ?? 0
            largestLead = max(largestLead, written - count)
        }
        #expect(count == 200_000)
        #expect(largest == 1024)
        #expect(lastLocator == "line:200001")
        // Pipe (64 KiB) + the tap's buffer (8 KiB) + one chunk (64 KiB) + one batch is about
        // 4,000 of these lines; everything beyond would be muster holding output in memory.
        #expect(largestLead < 8_000, "the tap ran \(largestLead) records ahead of the records muster emitted")
    }

    /// Whether the process `pid` has ended, or ends before `limit` passes.
    static func ends(_ pid: String, within limit: Duration) -> Bool {
        let deadline = ContinuousClock.now + limit
        while isRunning(pid) {
            guard ContinuousClock.now < deadline else { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return true
    }

    static func isRunning(_ pid: String) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        // A zombie (state Z) has ended; it only waits for its new parent to reap it.
        return !(stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") ?? true)
    }
}
