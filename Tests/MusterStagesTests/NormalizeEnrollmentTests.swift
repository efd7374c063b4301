import MusterCore
import Testing

@testable import MusterStages

@Suite struct NormalizeEnrollmentTests {
    static func normalized(_ enrollments: [Enrollment]) -> Record {
        var record = Fixtures.record("row:2", [Field.name: "Siti Aminah"])
        record.source.enrollments = enrollments
        Normalizing.stage.transform(&record)
        return record
    }

    @Test func aStatusNobodyCanReadIsAnIssueAndStaysRaw() {
        let record = Self.normalized([
            Enrollment(title: "Kue Kering", status: "LULUS"), Enrollment(title: "Kopi", status: "???"), Enrollment(title: "Tas", status: "tidak hadir"),
            Enrollment(title: "Batik", status: "sudah dua kali"),
        ])
        #expect(
            record.normalized?.issues == [
                FieldIssue(
                    code: "enrollment.status-unknown", field: "enrollments[1].status", raw: "???",
                    message: "not a known training status (lulus, hadir, terdaftar, tidak lulus, tidak hadir …)"),
                FieldIssue(
                    code: "enrollment.status-unknown", field: "enrollments[3].status", raw: "sudah dua kali",
                    message: "not a known training status (lulus, hadir, terdaftar, tidak lulus, tidak hadir …)"),
            ])
        #expect(record.source.enrollments.map(\.status) == ["LULUS", "???", "tidak hadir", "sudah dua kali"])
        #expect(record.source.enrollments.map(\.standing) == [.passed, nil, .absent, nil])
    }

    @Test(arguments: [nil, "", "  ", "-", "N/A", "lulus", " Hadir ", "Terdaftar"])
    func aKnownMissingOrPlaceholderStatusRaisesNothing(status: String?) {
        #expect(Self.normalized([Enrollment(title: "Kopi", status: status)]).normalized?.issues == [])
    }

    @Test func theIssueQuarantinesNothingUnlessARuleAsksForIt() throws {
        let enrollments = [Enrollment(title: "Kopi", status: "???")]
        let record = Self.normalized(enrollments)
        let byDefault = try Fixtures.run(ValidateStage(options: .init(), context: Fixtures.context(stage: "validate")), [record])
        #expect(byDefault.map(\.isQuarantined) == [false], "the default rules")
        let rows = [[Field.name: "Siti Aminah", Field.phone: "0812-1111-2222"]]
        #expect(try ValidateRulesTests.quarantined(#"[{"id": "req", "type": "required", "fields": ["name"]}]"#, rows, enrollments: enrollments) == [[]])
        let asked = #"[{"id": "status-known", "type": "issue", "codes": ["enrollment.*"]}]"#
        #expect(try ValidateRulesTests.quarantined(asked, rows, enrollments: enrollments) == [["status-known"]])
    }
}
