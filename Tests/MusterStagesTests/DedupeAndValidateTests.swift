import Foundation
import MusterCore
import MusterTesting
import Testing

@testable import MusterStages

/// Dedupe's clustering; the validate stage's tests are in Validate*Tests.swift.
@Suite struct DedupeAndValidateTests {
    func normalizedRecords(_ rows: [[String: String]]) -> [Record] {
        let normalize = NormalizeStage(options: .init(), context: Fixtures.context())
        return rows.enumerated().map { index, fields in
            var record = Fixtures.record("row:\(index + 2)", fields)
            normalize.transform(&record)
            return record
        }
    }

    func dedupe(trained: Bool = false, spoolAboveRecords: Int = 100_000) -> DedupeStage {
        Fixtures.dedupe(trained: trained, spoolAboveRecords: spoolAboveRecords)
    }

    func clusters(_ out: [Record]) -> Set<[String]> {
        Set(Dictionary(grouping: out, by: { $0.match?.cluster ?? "" }).values.map { $0.map(\.source.provenance.locator).sorted() })
    }

    @Test func identifiersAndNamesLinkTransitively() throws {
        let records = normalizedRecords([
            [Field.name: "Budi Santoso", Field.phone: "0812-1111-2222"],
            [Field.name: "Budi Santoso", Field.phone: "+62 812 1111 2222", Field.nik: "3174014505880001"],
            [Field.name: "BUDI SANTOSO", Field.nik: "3174 0145 0588 0001", Field.email: "budi@example.com"],
            [Field.name: "Budi Santosa", Field.email: "Budi@Example.com"],
            [Field.name: "Eko Prasetyo", Field.phone: "0813-9999-0000"],
        ])
        let out = try Fixtures.run(dedupe(), records)
        #expect(out.count == records.count)
        #expect(clusters(out) == [["row:2", "row:3", "row:4", "row:5"], ["row:6"]])
        // Each merge's evidence rides on its later record: the rule that paired them and every
        // comparison's level and weight.
        let links = out.flatMap { $0.match?.evidence ?? [] }
        #expect(links.count == 3)
        #expect(Set(links.map(\.rule)).isSubset(of: ["nik", "phone", "email"]))
        let weights = try #require(links.first?.weights)
        #expect(weights.hasPrefix("total +"))
        #expect(weights.contains("; name exact +") || weights.contains("; name allWords"))
    }

    @Test func aHouseholdSharingAPhoneStaysApart() throws {
        // The daughter writes her mother's WhatsApp number; names and birth dates disagree.
        let records = normalizedRecords([
            [Field.name: "Sumarni", Field.phone: "0852-7746-2982", Field.birthDate: "1969-03-14", Field.nik: "3174015403690095"],
            [Field.name: "Dewi Anggraini", Field.phone: "0852-7746-2982", Field.birthDate: "1994-08-02"],
            [Field.name: "Sumarni", Field.phone: "0852-7746-2982", Field.birthDate: "14/03/1969"],
        ])
        let out = try Fixtures.run(dedupe(), records)
        #expect(clusters(out) == [["row:2", "row:4"], ["row:3"]])
    }

    @Test func twoValidNIKsNeverEndInOneCluster() throws {
        let records = normalizedRecords([
            // One name, one birth date, one phone, two NIKs far apart: two people.
            [Field.name: "Agus Setiawan", Field.nik: "3174010101900001", Field.phone: "0812-3000-1000", Field.birthDate: "1990-01-01"],
            [Field.name: "Agus Setiawan", Field.nik: "3174015555550123", Field.phone: "0812-3000-1000", Field.birthDate: "1990-01-01"],
            // A third record agreeing with both through the phone cannot chain them.
            [Field.name: "Agus Setiawan", Field.phone: "0812-3000-1000", Field.birthDate: "1990-01-01"],
            // Twins: one birth date, NIK serials one apart, different given names.
            [Field.name: "Rina Saputra", Field.nik: "3174064101950031", Field.birthDate: "1995-01-01"],
            [Field.name: "Dewi Saputra", Field.nik: "3174064101950032", Field.birthDate: "1995-01-01"],
            // One person whose NIK was typed once with a slip: same name, same date.
            [Field.name: "Wartini", Field.nik: "3174015203870011", Field.birthDate: "1987-03-12", Field.phone: "0857-1234-5678"],
            [Field.name: "Wartini", Field.nik: "3174015203870017", Field.birthDate: "1987-03-12", Field.phone: "0857-1234-5678"],
        ])
        let out = try Fixtures.run(dedupe(), records)
        let found = clusters(out)
        #expect(!found.contains { $0.contains("row:2") && $0.contains("row:3") })
        #expect(found.contains(["row:5"]) && found.contains(["row:6"]))
        #expect(found.contains(["row:7", "row:8"]))
    }

    @Test func theSameInputTwiceGivesTheSameClusters() throws {
        let records = threeRecordsEach()
        let first = try Fixtures.run(dedupe(trained: true), records, batchSize: 7)
        let second = try Fixtures.run(dedupe(trained: true), records, batchSize: 7)
        #expect(first == second)
        #expect(clusters(first).count == 20)
    }

    /// Three records each of twenty people: the same name, phone and birth date.
    func threeRecordsEach() -> [Record] {
        normalizedRecords(
            (0..<60).map { index in
                let person = index / 3
                return [
                    Field.name: ["Siti Aminah", "Budi Santoso", "Eko Prasetyo", "Rina Wati", "Agus Salim"][person % 5] + " \(person)",
                    Field.phone: "0812-0000-\(1000 + person)", Field.birthDate: "19\(60 + person % 40)-0\(1 + person % 9)-1\(person % 10)",
                ]
            })
    }

    @Test func aRunTooSmallToTrainOnUsesTheShippedModelAndSavesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let context = Fixtures.context()
        var options = DedupeStage.Options()
        options.matcher.model = directory.path + "/model.json"
        let out = try Fixtures.run(DedupeStage(options: options, context: context), threeRecordsEach(), batchSize: 7)
        #expect(clusters(out).count == 20)
        #expect(context.diagnostics.all.contains { $0.message.hasPrefix("model shipped; match share 1 in ") })
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/model.json"))
    }

    @Test func aTrainedModelIsSavedWithEachTrainingRulesTable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let context = Fixtures.context()
        _ = try Fixtures.run(Fixtures.dedupe(trained: true, modelPath: directory.path + "/model.json", context: context), threeRecordsEach(), batchSize: 7)
        #expect(context.diagnostics.all.contains { $0.message.hasPrefix("model trained; match share 1 in ") })
        let saved = try #require(try ModelStore(path: directory.path + "/model.json").load())
        #expect(saved.comparisons.map(\.id) == Comparison.defaults.map(\.id))
        let training = try String(contentsOfFile: directory.path + "/model.training.txt", encoding: .utf8)
        #expect(training.hasPrefix("training on nik\nEM over ") && training.contains("\ntraining on name-kelurahan\nEM over "))
    }

    @Test func spoolingToDiskGivesTheSameClustersAndEvidence() throws {
        let records = normalizedRecords(
            (0..<40).map { index in
                [Field.name: "Peserta \(index % 8) Lestari", Field.phone: "0812-0000-\(1000 + index % 8)"]
            })
        let memoryContext = Fixtures.context()
        let fileContext = Fixtures.context()
        let inMemory = try Fixtures.run(Fixtures.dedupe(context: memoryContext), records, batchSize: 3)
        let spooled = try Fixtures.run(Fixtures.dedupe(spoolAboveRecords: 0, context: fileContext), records, batchSize: 3)
        #expect(spooled == inMemory)
        #expect(clusters(inMemory).count == 8)
        // The report says where the records waited.
        let held = { (context: StageContext) in context.diagnostics.all.map(\.message).filter { $0.hasPrefix("held ") }.map { $0.prefix(while: { $0 != ";" }) }
        }
        #expect(held(memoryContext).map { $0.replacing(/[0-9.]+ s$/, with: "") } == ["held 40 records in memory in "])
        #expect(held(fileContext).map { $0.replacing(/[0-9.]+ s$/, with: "") } == ["held 40 records in a temporary file (above spoolAboveRecords, 0) in "])
    }

    @Test func malformedIdentifiersNeverLink() throws {
        let records = normalizedRecords([
            [Field.name: "A", Field.nik: "317401450588000"],
            [Field.name: "B", Field.nik: "317401450588000"],
        ])
        let out = try Fixtures.run(dedupe(), records)
        #expect(Set(out.compactMap(\.match?.cluster)).count == 2)
    }

    @Test func dedupeRefusesRecordsThatWereNotNormalized() {
        let stage = DedupeStage(options: .init(), context: Fixtures.context())
        #expect(throws: MusterError.self) { try stage.process([Fixtures.record("row:2", [Field.name: "A"])]) { _ in } }
    }
}
