import Foundation
import GRDB
import MusterCore
import MusterTesting
import Testing

/// The README's run command on the samples: the registry must hold what
/// `samples/expected/registry.json` says, and the operator's workflows must work.
@Suite(.serialized) struct SamplesEndToEndTests {
    func registryRows(_ path: String, _ sql: String) throws -> [[String?]] {
        let database = try DatabaseQueue(path: path)
        return try database.read { db in
            try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { String.fromDatabaseValue($0) } }
        }
    }

    @Test func theRegistryMatchesTheExpectedOutput() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        let result = try muster.run("run")
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try ExpectedRegistry.load()
        // The samples are too few to train on: the shipped model weighs them, and nothing is saved.
        #expect(result.stdout.contains("model shipped;") || result.stderr.contains("model shipped;"))
        #expect(!FileManager.default.fileExists(atPath: muster.workspace.path + "/.muster/match-model.json"))
        #expect(
            result.stdout.contains(
                "books: \(expected.counts.records) in = \(expected.counts.records - expected.counts.quarantined) accepted + \(expected.counts.quarantined) quarantined (balanced)"
            ))

        let members = try registryRows(muster.registry, "SELECT participant_id, file || '#' || locator FROM source_records WHERE kind = 'participant'")
        let byParticipant = Dictionary(grouping: members, by: { $0[0] ?? "" }).mapValues { $0.compactMap { $0[1] }.sorted() }
        #expect(byParticipant.count == expected.counts.participants)
        #expect(members.count == expected.counts.accepted)
        let merges = byParticipant.values.filter { $0.count > 1 }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(merges == expected.participants.map { $0.members.sorted() }.sorted { $0.lexicographicallyPrecedes($1) })

        let golden = try registryRows(
            muster.registry, "SELECT s.file || '#' || s.locator, p.nik, p.phone, p.email FROM participants p JOIN source_records s ON s.participant_id = p.id")
        let goldenByMember = Dictionary(golden.map { ($0[0] ?? "", Array($0.dropFirst())) }, uniquingKeysWith: { first, _ in first })
        for merge in expected.participants {
            let first = try #require(merge.members.first)
            #expect(goldenByMember[first] == [merge.nik, merge.phone, merge.email], "golden identifiers of \(first)")
        }

        let quarantine = try registryRows(muster.registry, "SELECT file || '#' || locator, rules FROM quarantine")
        let firstRules = Dictionary(uniqueKeysWithValues: quarantine.map { ($0[0] ?? "", $0[1]?.split(separator: ",").first.map(String.init) ?? "") })
        #expect(firstRules == Dictionary(uniqueKeysWithValues: expected.quarantined.map { ($0.record, $0.rule) }))

        let programmes = try registryRows(muster.registry, "SELECT file || '#' || locator FROM source_records WHERE kind = 'programme'").compactMap { $0[0] }
        #expect(programmes.sorted() == expected.programmes.sorted())
        let runs = try registryRows(muster.registry, "SELECT records_in || '', accepted || '', quarantined || '' FROM runs")
        #expect(runs == [["\(expected.counts.records)", "\(expected.counts.records - expected.counts.quarantined)", "\(expected.counts.quarantined)"]])
    }

    @Test func oneStageAloneThenResumeFromALaterStage() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        #expect(try muster.run("run").status == 0)
        let dedupe = try muster.run("run", "--stage", "dedupe")
        #expect(dedupe.status == 0, "\(dedupe.stderr)")
        #expect(dedupe.stdout.contains("input: run "))
        #expect(dedupe.stdout.contains(", 02-normalize.ndjson.zst"))
        let resumed = try muster.run("run", "--from", "validate")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains(", 03-dedupe.ndjson.zst"))
        let participants = try registryRows(muster.registry, "SELECT COUNT(*) || '' FROM participants")
        #expect(participants == [["\(try ExpectedRegistry.load().counts.participants)"]])
        let runs = try muster.run("runs")
        #expect(runs.stdout.split(separator: "\n").count == 3)
        #expect(runs.stdout.contains("ok  run --from validate  [validate,export]"))
    }

    @Test func aBrokenPipelineIsRefusedWithThePathAndExitCode2() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        try muster.edit("pipeline.json") { $0.replacingOccurrences(of: #""threshold": 0.95"#, with: #""threshold": "high""#) }
        let check = try muster.run("check")
        #expect(check.status == 2)
        #expect(check.stderr == "muster: error: pipeline.json: stages[2].options.threshold: expected a number between 0.5 and 0.999999, found \"high\"\n")
        let run = try muster.run("run")
        #expect(run.status == 2)
        #expect(!FileManager.default.fileExists(atPath: muster.workspace.path + "/.muster/runs"))
    }

    @Test func aSecondRunWhileOneHoldsTheLockExitsWith3() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        let lock = try RunLock(path: muster.workspace.path + "/.muster/lock", runID: "nightly-42")
        let result = try muster.run("run")
        lock.release()
        #expect(result.status == 3)
        #expect(result.stderr.contains(".muster/lock: locked by run nightly-42 (pid \(getpid()), since "))
    }

    @Test func quarantineOverTheLimitExitsWith4() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        try muster.edit("pipeline.json") { $0.replacingOccurrences(of: #""maxQuarantinedShare": 0.2"#, with: #""maxQuarantinedShare": 0.01"#) }
        let result = try muster.run("run")
        #expect(result.status == 4)
        #expect(result.stdout.contains("problem: quarantined 5.9% of all records, over the limit of 1.0%"))
    }

    @Test func inspectMasksPersonalDataUnlessAsked() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        #expect(try muster.run("run", "--to", "normalize").status == 0)
        let masked = try muster.run("inspect", "--key", "jakpreneur-export.json#$.data.items[0]")
        #expect(masked.status == 0)
        #expect(masked.stdout.contains("1 records matched, 1 shown; personal data masked"))
        #expect(masked.stdout.contains("    nik: \"31740*******0090\" → \"31740*******0090\""))
        let open = try muster.run("inspect", "--key", "jakpreneur-export.json#$.data.items[0]", "--show-pii")
        #expect(open.stdout.contains("    nik: \"3174065004990090\" → \"3174065004990090\""))
    }

    @Test func theRegistryWriterLeavesNoCheckpointAndInspectSaysWhere() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        #expect(try muster.run("run").status == 0)
        let runs = muster.workspace.path + "/.muster/runs"
        let run = try #require(try FileManager.default.contentsOfDirectory(atPath: runs).first)
        let files = try FileManager.default.contentsOfDirectory(atPath: runs + "/" + run).filter { $0.hasSuffix(".ndjson.zst") }.sorted()
        #expect(files == ["01-ingest.ndjson.zst", "02-normalize.ndjson.zst", "03-dedupe.ndjson.zst", "04-validate.ndjson.zst"])
        let inspect = try muster.run("inspect", "--stage", "export")
        #expect(inspect.status == 1)
        #expect(
            inspect.stderr.contains(
                "export writes the registry and leaves no checkpoint: its records are the registry's source_records; `muster inspect --stage validate` shows them as they went in"
            ))
        #expect(try muster.run("inspect", "--key", "jakpreneur-export.json#$.data.items[0]").stdout.contains("04-validate.ndjson.zst"))
    }

    @Test func catalogCommandsDescribeEveryImporterAndStage() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        let importers = try muster.run("importers").stdout
        for id in ["csv-signup", "json-export", "xml-news"] { #expect(importers.contains(id)) }
        let stages = try muster.run("stages").stdout
        for id in ["ingest", "normalize", "dedupe", "validate", "export"] { #expect(stages.contains("\(id)  (reads")) }
        #expect(stages.contains("    threshold (number, default 0.95)"))
    }
}
