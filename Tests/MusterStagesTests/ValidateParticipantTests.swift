import MusterCore
import Testing

@testable import MusterStages

/// Rules on each participant's golden values, uniqueness per cluster, and the cluster split
/// after a quarantine.
@Suite struct ValidateParticipantTests {
    func deduped(_ rows: [[String: String]]) throws -> [Record] {
        let normalize = NormalizeStage(options: .init(referenceDate: "2024-09-01"), context: Fixtures.context())
        let records = rows.enumerated().map { index, fields in
            var record = Fixtures.record("row:\(index + 2)", fields)
            normalize.transform(&record)
            return record
        }
        return try Fixtures.run(Fixtures.dedupe(), records)
    }

    @Test func oneNIKPerParticipantBlamesTheMinority() throws {
        // One person; her NIK was typed once with a slip (one digit off), which dedupe
        // forgives on an agreeing name, so the participant carries two NIKs.
        let records = try deduped([
            [Field.name: "Sumarni", Field.nik: "3174014505700001", Field.phone: "0812-1111-2222"],
            [Field.name: "Sumarni", Field.nik: "3174014505700001"],
            [Field.name: "Sumarni", Field.nik: "3174014505700007", Field.phone: "0812-1111-2222"],
        ])
        let warn = try ValidateRulesTests.stage(#"[{"id": "one-nik", "type": "unique", "field": "nik", "severity": "warning"}]"#)
        let warned = try Fixtures.run(warn, records)
        #expect(warned.filter { $0.normalized?.issues.contains { $0.code == "warning.one-nik" } == true }.map(\.source.provenance.locator) == ["row:4"])
        #expect(warned.allSatisfy { !$0.isQuarantined })

        let strict = try ValidateRulesTests.stage(#"[{"id": "one-nik", "type": "unique", "field": "nik"}]"#)
        let out = try Fixtures.run(strict, records)
        let slip = try #require(out.first { $0.source.provenance.locator == "row:4" })
        #expect(slip.quarantine.map(\.rule) == ["one-nik"])
        #expect(slip.quarantine.first?.message == "participant: the participant's records carry 2 different values of nik")
        #expect(slip.match == nil)
        #expect(Set(out.filter { !$0.isQuarantined }.compactMap(\.match?.cluster)).count == 1)
    }

    @Test func goldenValuesAreJudgedAcrossRecords() throws {
        // No record disagrees with itself; together the NIK (record 1) says 1988 and the
        // birth date most records state (records 2 and 3) says 1990.
        let records = try deduped([
            [Field.name: "Siti", Field.nik: "3174014505880001", Field.phone: "0812-1111-2222"],
            [Field.name: "Siti", Field.birthDate: "05-05-1990", Field.phone: "0812-1111-2222"],
            [Field.name: "Siti", Field.birthDate: "05-05-1990", Field.phone: "0812-1111-2222"],
        ])
        let rules = #"[{"id": "nik-birth-date", "type": "consistency", "check": "nik-birth-date", "on": "participant"}]"#
        let out = try Fixtures.run(try ValidateRulesTests.stage(rules), records)
        #expect(out.map { $0.quarantine.map(\.rule) } == [["nik-birth-date"], ["nik-birth-date"], ["nik-birth-date"]])
        let onRecords = #"[{"id": "nik-birth-date", "type": "consistency", "check": "nik-birth-date"}]"#
        #expect(try Fixtures.run(try ValidateRulesTests.stage(onRecords), records).allSatisfy { !$0.isQuarantined })
    }

    @Test func aQuarantinedBridgeSplitsItsClusterAndMarksTheParts() throws {
        // A and C are linked only through B, whose name is missing.
        let records = try deduped([
            [Field.name: "A", Field.phone: "0812-1111-2222"],
            [Field.name: "", Field.phone: "0812-1111-2222", Field.nik: "3174014505880001"],
            [Field.name: "C", Field.nik: "3174014505880001"],
        ])
        #expect(Set(records.compactMap(\.match?.cluster)).count == 1)
        let out = try Fixtures.run(ValidateStage(options: .init(), context: Fixtures.context()), records, batchSize: 1)
        let accepted = out.filter { !$0.isQuarantined }
        #expect(accepted.count == 2)
        #expect(Set(accepted.compactMap(\.match?.cluster)).count == 2)
        #expect(accepted.allSatisfy { $0.normalized?.issues.contains { $0.code == "cluster.split" && $0.raw == records[0].match?.cluster } == true })
        #expect(out.first { $0.isQuarantined }?.match == nil)
    }

    @Test func theDefaultRulesWithoutARulesList() throws {
        let records = try deduped([
            [Field.name: "-", Field.nik: "317401450588000", Field.phone: "08127", Field.email: "no-at-sign"],
            [Field.name: "Fine", Field.phone: "0812-1111-2222"],
            [Field.name: "Later", Field.birthDate: "14/03/2087", Field.kelurahan: "Rawamangun"],
            [Field.name: "Never", Field.birthDate: "2024-02-31", Field.kelurahan: "Pela Mampang"],
        ])
        let out = try Fixtures.run(ValidateStage(options: .init(), context: Fixtures.context(stage: "validate")), records)
        let first = try #require(out.first { $0.source.provenance.locator == "row:2" })
        #expect(first.quarantine.map(\.rule) == ["required-name", "nik-format", "phone-format", "email-format"])
        #expect(first.quarantine.allSatisfy { $0.stage == "validate" })
        #expect(out.first { $0.source.provenance.locator == "row:3" }?.quarantine.isEmpty == true)
        // A future or impossible stated birth date and a place in another kota quarantine by default.
        let later = try #require(out.first { $0.source.provenance.locator == "row:4" })
        #expect(later.quarantine.map(\.rule) == ["birth-date-real", "place-in-area"])
        #expect(later.quarantine.first?.message.contains("after 2024-09-01") == true, "\(later.quarantine)")
        #expect(later.quarantine.last?.message.contains("Jakarta Timur") == true, "\(later.quarantine)")
        #expect(out.first { $0.source.provenance.locator == "row:5" }?.quarantine.map(\.rule) == ["birth-date-real"])
    }
}
