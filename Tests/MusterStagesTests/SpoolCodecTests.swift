import MusterCore
import Testing

@testable import MusterStages

@Suite struct SpoolCodecTests {
    @Test func everyPartOfARecordSurvivesTheSpool() throws {
        let record = Record(
            source: SourceRecord(
                provenance: Provenance(sourceID: "s", file: "a/b.csv", locator: "row:4", contentHash: "ab"),
                kind: .programme,
                fields: [Field.name: "Nur’aini", "empty": ""],
                extras: ["No": "1"],
                enrollments: [
                    Enrollment(
                        programme: "WUIB", session: nil, title: "Tas", date: "2024-09-02", status: "Tidak Lulus",
                        attendance: [
                            Attendance(day: "Hari 1", mark: "✓", present: true), Attendance(day: "Hari 2", mark: "x", present: false),
                            Attendance(day: "Hari 3", mark: "", present: nil),
                        ]),
                    Enrollment(title: "Kopi", status: "???"),
                ],
                rejection: Rejection(message: "bad", position: nil),
                raw: String(repeating: "é", count: 300)
            ),
            normalized: NormalizedRecord(values: [Field.name: "Nur'aini"], issues: [FieldIssue(code: "x.y", field: "f", raw: nil, message: "m")]),
            match: Match(cluster: "c", evidence: [MatchEvidence(rule: "exact-nik", other: "o")]),
            quarantine: [QuarantineReason(rule: "r", stage: "validate", message: "m", field: "f")],
            registryID: "P000001"
        )
        var bytes: [UInt8] = []
        SpoolCodec.encode(record, into: &bytes)
        SpoolCodec.encode(Record(source: record.source), into: &bytes)
        let first = try bytes.withUnsafeBytes { try SpoolCodec.decode($0) }
        #expect(first == record)
        #expect(throws: MusterError.self) { try bytes.withUnsafeBytes { try SpoolCodec.decode(UnsafeRawBufferPointer(rebasing: $0[0..<20])) } }
    }
}
