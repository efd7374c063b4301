import GRDB
import MusterCore
import MusterTesting
import Testing

@testable import MusterStages

typealias Record = MusterCore.Record

/// Reads a registry the way a report would, for assertions.
struct RegistryProbe {
    let database: DatabaseQueue

    init(_ path: String) throws {
        database = try DatabaseQueue(path: path)
    }

    func strings(_ sql: String) throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: sql) }
    }

    func int(_ sql: String) throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }
}

@Suite struct ExportStageTests {
    func pipeline(_ rows: [[String: String]], source: String = "test") throws -> [Record] {
        let normalize = NormalizeStage(options: .init(), context: Fixtures.context())
        let records = rows.enumerated().map { index, fields in
            var record = Fixtures.record("row:\(index + 2)", fields, source: source)
            normalize.transform(&record)
            return record
        }
        let deduped = try Fixtures.run(Fixtures.dedupe(), records)
        return try Fixtures.run(ValidateStage(options: .init(), context: Fixtures.context()), deduped)
    }

    func export(_ records: [Record], registry: String, runID: String) throws -> [Record] {
        var context = Fixtures.context(stage: "export")
        context.runID = runID
        return try Fixtures.run(ExportStage(options: .init(registry: registry), context: context), records)
    }

    @Test func writesParticipantsSourcesQuarantineAndTheRun() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let registry = directory.path + "/registry.sqlite"
        let records = try pipeline([
            [Field.name: "SITI AMINAH", Field.phone: "0812-1111-2222"],
            [Field.name: "Siti Aminah", Field.phone: "+62 812 1111 2222", Field.email: "siti@example.com"],
            [Field.name: "-", Field.phone: "0813-0000-1111"],
        ])
        let out = try export(records, registry: registry, runID: "run-1")
        #expect(out.count == 3)
        #expect(out.filter { !$0.isQuarantined }.allSatisfy { $0.registryID == "P000001" })
        let probe = try RegistryProbe(registry)
        #expect(
            try probe.strings("SELECT id || '|' || name || '|' || phone || '|' || email FROM participants")
                == ["P000001|Siti Aminah|+6281211112222|siti@example.com"])
        #expect(try probe.int("SELECT COUNT(*) FROM source_records WHERE participant_id = 'P000001'") == 2)
        #expect(try probe.strings("SELECT rules FROM quarantine") == ["required-name"])
        // One merge: its evidence is on the later record.
        #expect(try probe.strings("SELECT locator FROM source_records WHERE evidence IS NOT NULL") == ["row:3"])
        #expect(try probe.int("SELECT SUM(json_array_length(evidence)) FROM source_records") == 1)
        #expect(try probe.strings("SELECT records_in || '=' || accepted || '+' || quarantined FROM runs") == ["3=2+1"])
    }

    @Test func participantIDsStayStableAcrossRunsAndReimportsDoNotDuplicate() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let registry = directory.path + "/registry.sqlite"
        _ = try export(
            try pipeline([
                [Field.name: "A", Field.phone: "0812-1111-2222"],
                [Field.name: "B", Field.phone: "0813-3333-4444"],
            ]), registry: registry, runID: "run-1")
        // Night two: the same file again, plus a new sheet where B appears with a new email.
        _ = try export(
            try pipeline([
                [Field.name: "A", Field.phone: "0812-1111-2222"],
                [Field.name: "B", Field.phone: "0813-3333-4444"],
            ]), registry: registry, runID: "run-2")
        let out = try export(
            try pipeline(
                [
                    [Field.name: "B", Field.phone: "+6281333334444", Field.email: "b@example.com"],
                    [Field.name: "C", Field.email: "c@example.com"],
                ], source: "other"), registry: registry, runID: "run-3")
        #expect(out.map(\.registryID) == ["P000002", "P000003"])
        let probe = try RegistryProbe(registry)
        #expect(try probe.strings("SELECT id FROM participants ORDER BY id") == ["P000001", "P000002", "P000003"])
        #expect(try probe.int("SELECT COUNT(*) FROM source_records") == 4)
        #expect(try probe.strings("SELECT email FROM participants WHERE id = 'P000002'") == ["b@example.com"])
    }

    @Test func aClusterSpanningTwoKnownParticipantsMergesIntoTheOldest() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let registry = directory.path + "/registry.sqlite"
        _ = try export(
            try pipeline([
                [Field.name: "A", Field.phone: "0812-1111-2222"],
                [Field.name: "A", Field.email: "a@example.com"],
            ]), registry: registry, runID: "run-1")
        let out = try export(
            try pipeline(
                [
                    [Field.name: "A", Field.phone: "0812-1111-2222", Field.email: "a@example.com"]
                ], source: "bridge"), registry: registry, runID: "run-2")
        #expect(out.first?.registryID == "P000001")
        let probe = try RegistryProbe(registry)
        #expect(try probe.strings("SELECT id FROM participants") == ["P000001"])
        #expect(try probe.int("SELECT COUNT(*) FROM source_records WHERE participant_id = 'P000001'") == 3)
        // The merged-away participant is not one of run 2's.
        #expect(try probe.int("SELECT participants FROM runs WHERE id = 'run-2'") == 1)
    }

    @Test func aClusterSplitAcrossBatchesIsOneParticipantWithTheMajorityGoldenValues() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let registry = directory.path + "/registry.sqlite"
        // Three records of one person, then another person: with batches of two, the first
        // cluster ends in the second batch, so the planner must carry it over.
        let records = try pipeline([
            [Field.name: "SITI AMINNAH", Field.phone: "0812-1111-2222"],
            [Field.name: "Siti Aminah", Field.phone: "0812 1111 2222", Field.email: "siti@example.com"],
            [Field.name: "siti aminah", Field.phone: "+62 812 1111 2222"],
            [Field.name: "Budi Santoso", Field.phone: "0813-3333-4444"],
        ])
        #expect(records.prefix(3).allSatisfy { $0.match?.cluster == records[0].match?.cluster })
        let out = try export(records, registry: registry, runID: "run-1")
        #expect(out.map(\.registryID) == ["P000001", "P000001", "P000001", "P000002"])
        let probe = try RegistryProbe(registry)
        #expect(
            try probe.strings("SELECT id || '|' || name || '|' || phone || '|' || email || '|' || golden FROM participants WHERE id = 'P000001'") == [
                #"P000001|Siti Aminah|+6281211112222|siti@example.com|{"email":"siti@example.com","name":"Siti Aminah","nameKey":"siti aminah","phone":"+6281211112222","phoneType":"mobile"}"#
            ])
        #expect(try probe.strings("SELECT participant_id || ':' || COUNT(*) FROM source_records GROUP BY participant_id") == ["P000001:3", "P000002:1"])
    }

    @Test func goldenTiesGoToTheSmallestRecordKeyOnEveryRun() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let registry = directory.path + "/registry.sqlite"
        // One spelling each: a tie. Given in reverse key order, the record with the smaller key wins.
        let records = try pipeline([
            [Field.name: "Siti Rahma", Field.phone: "0812-1111-2222"],
            [Field.name: "Siti Rahmah", Field.phone: "0812 1111 2222"],
        ])
        let reversed = Array(records.reversed())
        let probe = try RegistryProbe(registry)
        var goldens: [String] = []
        for (run, input) in [reversed, records, reversed].enumerated() {
            _ = try export(input, registry: registry, runID: "run-\(run + 1)")
            goldens += try probe.strings("SELECT name || '|' || golden FROM participants")
        }
        #expect(goldens.count == 3)
        #expect(Set(goldens).count == 1)
        #expect(goldens.first?.hasPrefix("Siti Rahma|") == true, "\(goldens)")
    }

    @Test func reimportingUnchangedRecordsMarksThemSeenWithoutRewritingThem() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let registry = directory.path + "/registry.sqlite"
        let first = try pipeline([
            [Field.name: "Siti Aminah", Field.phone: "0812-1111-2222"],
            [Field.name: "Budi Santoso", Field.phone: "0813-3333-4444"],
            [Field.name: "Dewi Lestari", Field.phone: "0814-5555-6666"],
        ])
        func enrolled(_ records: [Record]) -> [Record] {
            records.map { record in
                var record = record
                record.source.enrollments = [
                    Enrollment(programme: "wuib-2024", session: "A1", attendance: [Attendance(day: "Hari 1", mark: "v", present: true)])
                ]
                return record
            }
        }
        _ = try export(enrolled(first), registry: registry, runID: "run-1")
        // Night two: the same sheet, except Budi's row now gives another phone.
        let second = try pipeline([
            [Field.name: "Siti Aminah", Field.phone: "0812-1111-2222"],
            [Field.name: "Budi Santoso", Field.phone: "0819-9999-0000"],
            [Field.name: "Dewi Lestari", Field.phone: "0814-5555-6666"],
        ])
        let out = try export(enrolled(second), registry: registry, runID: "run-2")
        #expect(out.map(\.registryID) == ["P000001", "P000002", "P000003"])
        let probe = try RegistryProbe(registry)
        #expect(try probe.strings("SELECT locator || '=' || last_run FROM source_records ORDER BY locator") == ["row:2=run-1", "row:3=run-2", "row:4=run-1"])
        #expect(try probe.strings("SELECT run FROM record_seen") == ["run-2", "run-2", "run-2"])
        #expect(
            try probe.strings("SELECT source_key || '>' || participant_id || ':' || session FROM enrollments ORDER BY source_key").map {
                $0.split(separator: "#").last.map(String.init) ?? ""
            }
                == ["row:2>P000001:A1", "row:3>P000002:A1", "row:4>P000003:A1"])
        #expect(try probe.strings("SELECT phone FROM participants WHERE id = 'P000002'") == ["+6281999990000"])
        #expect(try probe.strings("SELECT id || ':' || last_run FROM participants ORDER BY id") == ["P000001:run-1", "P000002:run-2", "P000003:run-1"])
        #expect(
            try probe.strings("SELECT id || ':' || records_in || '=' || accepted || '+' || quarantined || ', ' || participants FROM runs ORDER BY id")
                == ["run-1:3=3+0, 3", "run-2:3=3+0, 3"])
    }

    @Test func eachEnrollmentKeepsItsStatusRawBesideItsReading() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let registry = directory.path + "/registry.sqlite"
        var records = try pipeline([[Field.name: "Siti Aminah", Field.phone: "0812-1111-2222"]])
        records[0].source.enrollments = [
            Enrollment(title: "Kue Kering", status: "LULUS"), Enrollment(title: "Kopi", status: "Tidak Hadir"),
            Enrollment(title: "Tas", status: "???"), Enrollment(title: "Batik"),
        ]
        _ = try export(records, registry: registry, runID: "run-1")
        let probe = try RegistryProbe(registry)
        #expect(
            try probe.strings("SELECT title || '=' || ifnull(status, 'NULL') || '<' || ifnull(status_raw, 'NULL') FROM enrollments ORDER BY rowid")
                == ["Kue Kering=passed<LULUS", "Kopi=absent<Tidak Hadir", "Tas=NULL<???", "Batik=NULL<NULL"])
        // Night two: the sheet now says she passed Kopi; the changed record rewrites its enrollments.
        records[0].source.enrollments[1].status = "lulus"
        _ = try export(records, registry: registry, runID: "run-2")
        #expect(try probe.strings("SELECT status FROM enrollments WHERE title = 'Kopi'") == ["passed"])
        #expect(try probe.int("SELECT COUNT(*) FROM enrollments") == 4)
    }
}
