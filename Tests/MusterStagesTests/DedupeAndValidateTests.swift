import MusterCore
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

    @Test func exactMatchesLinkTransitively() throws {
        let records = normalizedRecords([
            [Field.name: "A", Field.phone: "0812-1111-2222"],
            [Field.name: "B", Field.phone: "+62 812 1111 2222", Field.nik: "3174014505880001"],
            [Field.name: "C", Field.nik: "3174 0145 0588 0001", Field.email: "c@example.com"],
            [Field.name: "D", Field.email: "C@Example.com"],
            [Field.name: "E", Field.phone: "0813-9999-0000"],
        ])
        let out = try Fixtures.run(DedupeStage(options: .init(), context: Fixtures.context()), records)
        #expect(out.count == records.count)
        let clusters = Dictionary(grouping: out, by: { $0.match?.cluster ?? "" }).mapValues { $0.map(\.source.provenance.locator).sorted() }
        #expect(Set(clusters.values) == [["row:2", "row:3", "row:4", "row:5"], ["row:6"]])
        let b = try #require(out.first { $0.source.provenance.locator == "row:3" })
        #expect(Set(b.match?.evidence.map(\.rule) ?? []) == ["exact-phone", "exact-nik"])
    }

    @Test func spoolingToDiskGivesTheSameClustersAndEvidence() throws {
        let records = normalizedRecords(
            (0..<40).map { index in
                [Field.name: "P\(index)", Field.phone: "0812-0000-\(1000 + index % 7)", Field.email: index % 5 == 0 ? "x\(index % 3)@example.com" : "-"]
            })
        let inMemory = try Fixtures.run(DedupeStage(options: .init(), context: Fixtures.context()), records, batchSize: 3)
        let spooled = try Fixtures.run(DedupeStage(options: .init(spoolAboveRecords: 0), context: Fixtures.context()), records, batchSize: 3)
        #expect(spooled == inMemory)
        // Phones fall in 7 groups; the shared emails join groups {0,1,2,5,6} and {3,4}.
        #expect(Set(inMemory.compactMap(\.match?.cluster)).count == 2)
    }

    @Test func malformedIdentifiersNeverLink() throws {
        let records = normalizedRecords([
            [Field.name: "A", Field.nik: "317401450588000"],
            [Field.name: "B", Field.nik: "317401450588000"],
        ])
        let out = try Fixtures.run(DedupeStage(options: .init(), context: Fixtures.context()), records)
        #expect(Set(out.compactMap(\.match?.cluster)).count == 2)
    }

    @Test func dedupeRefusesRecordsThatWereNotNormalized() {
        let stage = DedupeStage(options: .init(), context: Fixtures.context())
        #expect(throws: MusterError.self) { try stage.process([Fixtures.record("row:2", [Field.name: "A"])]) { _ in } }
    }
}
