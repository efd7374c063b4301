import Foundation
import GRDB
import MusterCore
import MusterTesting
import Testing

/// `muster quarantine` and its replay, as an operator runs them on the samples.
@Suite(.serialized) struct QuarantineEndToEndTests {
    func rows(_ path: String, _ sql: String) throws -> [[String?]] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { String.fromDatabaseValue($0) } }
        }
    }

    @Test func theQuarantineListsReasonsPositionsAndMaskedValues() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        #expect(try muster.run("run").status == 0)
        let list = try muster.run("quarantine")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("— daftar-hadir samples/sheets/daftar-hadir-WUIB-TBT-01.csv#row:40  [run "))
        #expect(list.stdout.contains("    nik-format (validate): NIK must be 16 digits, found 15 characters — nik: \"31740*******109\""))
        #expect(list.stdout.contains("    malformed-record (ingest): row has 11 fields, the header has 10 (line 30)"))
        #expect(list.stdout.contains("13 records; personal data masked (--show-pii to reveal)"))
        #expect(!list.stdout.contains("317401550890109"))

        let counts = try muster.run("quarantine", "--count")
        #expect(counts.stdout.contains("nik-format              3      2  samples/sheets/daftar-hadir-WUIB-TBT-01.csv#row:23"))
        #expect(counts.stdout.contains("required-name           2      2  "))

        let filtered = try muster.run("quarantine", "--source", "jakpreneur", "--rule", "email-format")
        #expect(filtered.stdout.contains("2 records;"))
        #expect(try muster.run("quarantine", "--file", "fesyen").stdout.contains("2 records;"))
        let missing = try muster.run("quarantine", "--run", "19990101T000000000Z-0000")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("the registry has no run \"19990101T000000000Z-0000\""))
    }

    /// A strict rule quarantines 21 sample records; relaxed, the replay accepts them and the
    /// books of the replay balance: replayed = accepted + still quarantined.
    @Test func replayAfterRelaxingARuleAcceptsTheRecordsAndBalances() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        let original = try String(contentsOfFile: muster.workspace.path + "/pipeline.json", encoding: .utf8)
        try muster.edit("pipeline.json") {
            $0.replacingOccurrences(of: #""maxQuarantinedShare": 0.2"#, with: #""maxQuarantinedShare": 1"#)
                .replacingOccurrences(
                    of: #"{ "id": "email-format","#,
                    with: #"{ "id": "needs-email", "type": "condition", "assert": "email", "when": "sector == 'kuliner'" }, { "id": "email-format","#)
        }
        let strict = try muster.run("run")
        #expect(strict.status == 0, "\(strict.stderr)")
        #expect(strict.stdout.contains("books: 220 in = 186 accepted + 34 quarantined (balanced)"))

        try original.replacingOccurrences(of: #""maxQuarantinedShare": 0.2"#, with: #""maxQuarantinedShare": 1"#)
            .write(toFile: muster.workspace.path + "/pipeline.json", atomically: true, encoding: .utf8)
        let replay = try muster.run("quarantine", "replay")
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains(": 32 replayed = 21 accepted + 11 still quarantined (balanced); 2 unreadable records not replayed"))

        let registry = muster.registry
        // Replay does not run dedupe again: a replayed record rejoins its person only through
        // an identifier the registry knows (a NIK, or a phone or e-mail under the same name).
        // Seven replayed records (news rows among them, which carry no identifier) stand alone
        // until the next full run: seven participants more than a full run gives.
        #expect(try rows(registry, "SELECT COUNT(*) || '' FROM participants") == [["\(try ExpectedRegistry.load().counts.participants + 7)"]])
        let accepted = try rows(registry, "SELECT COUNT(*) || '' FROM source_records WHERE kind = 'participant'")
        #expect(accepted == [["203"]])
        // The old rows stay as history and say what became of each record.
        let history = try muster.run("quarantine", "--all", "--rule", "needs-email")
        #expect(history.stdout.contains("21 records"))
        #expect(history.stdout.components(separatedBy: "    → accepted in run ").count - 1 == 21)
        // Replaying again finds nothing new to do for the first run.
        let runs = try rows(registry, "SELECT id FROM runs ORDER BY id").compactMap { $0[0] }
        let again = try muster.run("quarantine", "replay", "--run", runs[0])
        #expect(again.stdout.contains("nothing to replay (34 quarantined, 32 already taken up by a later run, 2 unreadable by their importer)"))
    }

    @Test func logLinesAreJSONObjectsWhenAsked() throws {
        let muster = try MusterProcess()
        defer { muster.workspace.remove() }
        let result = try muster.run("run", "--log-format", "json", "--verbose")
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let value = try JSONParser.parse(String(line))
            #expect(value["level"] != nil && value["message"] != nil && value["time"] != nil, "\(line)")
        }
        #expect(lines.contains { $0.contains(#""message":"run "#) && $0.contains("started") })
        let text = try muster.run("run", "--verbose")
        #expect(text.stderr.split(separator: "\n").contains { $0.contains(" info muster: run ") })
        #expect(!text.stderr.contains("\u{1B}["), "no progress line without a terminal")
    }
}
