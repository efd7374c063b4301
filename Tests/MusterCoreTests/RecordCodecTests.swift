import Foundation
import Testing

@testable import MusterCore

@Suite struct RecordCodecTests {
    static let full = Record(
        source: SourceRecord(
            provenance: Provenance(sourceID: "daftar-hadir", file: "samples/sheets/a b.csv", locator: "row:4", contentHash: String(repeating: "ab", count: 32)),
            kind: .participant,
            fields: [Field.name: "Nur’aini \"Ani\"", Field.phone: "0812-1111-2222", "note": "line\nbreak\ttab\\slash/"],
            extras: ["No": "1", "Kolom 9": ""],
            enrollments: [
                Enrollment(
                    programme: "WUIB", session: "WUIB-TBT-01",
                    attendance: [
                        Attendance(day: "Hari 1", mark: "✓", present: true), Attendance(day: "Hari 2", mark: "", present: nil),
                    ]),
                Enrollment(title: "Tas Anyaman", date: "2024-09-02", status: " LULUS "),
                Enrollment(title: "Kopi", status: "???"),
            ],
            rejection: Rejection(message: "row has 11 fields, the header has 10", position: "line 4"),
            raw: "a;b;\u{1}c"
        ),
        normalized: NormalizedRecord(
            values: [Field.name: "Nur’aini", Field.phone: "+6281211112222"],
            issues: [
                FieldIssue(code: "date.unparseable", field: Field.birthDate, raw: "kemarin", message: "not a date")
            ]),
        match: Match(cluster: "k1", evidence: [MatchEvidence(rule: "exact-phone", other: "k2")]),
        quarantine: [QuarantineReason(rule: "malformed-record", stage: "ingest", message: "bad", field: nil)],
        registryID: "P000001"
    )

    func line(_ record: Record) -> [UInt8] {
        var writer = JSONWriter()
        RecordCodec.encode(record, into: &writer)
        return writer.bytes
    }

    @Test func theKeyIsSourceFileAndLocatorAndFollowsThem() throws {
        var provenance = Self.full.source.provenance
        #expect(provenance.key == "daftar-hadir:samples/sheets/a b.csv#row:4")
        provenance.locator = "row:5"
        provenance.file = "b.csv"
        provenance.sourceID = "s"
        #expect(provenance.key == "s:b.csv#row:5")
        #expect(try RecordCodec.decode(line(Self.full)).key == Self.full.key)
    }

    @Test func roundTripsEveryPart() throws {
        #expect(try RecordCodec.decode(line(Self.full).dropLast()) == Self.full)
        let minimal = Record(source: SourceRecord(provenance: Self.full.source.provenance))
        #expect(try RecordCodec.decode(line(minimal)) == minimal)
    }

    @Test func writesWhatJSONEncoderWritesAndCodableReadsIt() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var record = Self.full
        record.source.raw = "a;b;c"
        #expect(String(decoding: line(record).dropLast(), as: UTF8.self) == String(decoding: try encoder.encode(record), as: UTF8.self))
        #expect(try JSONDecoder().decode(Record.self, from: Data(line(Self.full))) == Self.full)
    }

    @Test func aStatusTravelsRawAndIsReadAgainAfterTheTrip() throws {
        let text = String(decoding: line(Self.full), as: UTF8.self)
        #expect(text.contains(#"{"attendance":[],"date":"2024-09-02","status":" LULUS ","title":"Tas Anyaman"}"#))
        let enrollments = try RecordCodec.decode(line(Self.full)).source.enrollments
        #expect(enrollments.map(\.status) == [nil, " LULUS ", "???"])
        #expect(enrollments.map(\.standing) == [nil, .passed, nil])
    }

    @Test func aCheckpointWrittenBeforeStatusesStillReads() throws {
        let older = #"""
            {"quarantine":[],"source":{"enrollments":[{"attendance":[{"day":"Hari 1","mark":"v","present":true}],"programme":"WUIB","title":"Tas"}],\#
            "extras":{"pelatihan[0].status":"lulus"},"fields":{"name":"Siti"},"kind":"participant",\#
            "provenance":{"contentHash":"ab","file":"a.json","locator":"line:1","sourceID":"s"}}}
            """#
        let record = try RecordCodec.decode(Array(older.utf8))
        #expect(
            record.source.enrollments == [
                Enrollment(programme: "WUIB", title: "Tas", attendance: [Attendance(day: "Hari 1", mark: "v", present: true)])
            ])
        #expect(try JSONDecoder().decode(Record.self, from: Data(older.utf8)) == record)
    }

    @Test func stringsAreEscapedAsJSONEncoderEscapesThemWhereverTheSpecialByteFalls() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let specials = ["\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "é", "ü", "—", "\u{7F}", " "]
        var random = SplitMix64(seed: 0xC0FFEE)
        for length in 0..<40 {
            for _ in 0..<25 {
                var text = ""
                for _ in 0..<length {
                    let state = random.next()
                    text += state % 5 == 0 ? specials[Int(state >> 8) % specials.count] : String(UnicodeScalar(UInt8(0x61 + state % 26)))
                }
                var writer = JSONWriter()
                writer.string(text)
                #expect(writer.text == String(decoding: try encoder.encode(text), as: UTF8.self), "\(Array(text.utf8))")
            }
        }
    }

    @Test func aDamagedLineSaysWhere() {
        #expect {
            try RecordCodec.decode(Array(#"{"quarantine": [], "source": {"kind": "person"}}"#.utf8))
        } throws: { error in
            "\(error)" == "$.source: missing \"provenance\""
        }
        #expect {
            try RecordCodec.decode(Array(#"{"quarantine": [], "source": {"#.utf8))
        } throws: { error in
            "\(error)".hasPrefix("$: line 1, column 31")
        }
    }
}
