import ContentHash
import JSONExportImporter
import MusterCore
import MusterTesting
import Testing

/// Generated NDJSON: line endings, blank and broken lines, long lines, chunk boundaries.
@Suite struct NDJSONTests {
    @Test func crlfLinesReadLikeLF() throws {
        let directory = try TemporaryDirectory("ndjson")
        defer { directory.remove() }
        let lines = [#"{"id": "A1", "nama": "Siti"}"#, #"{"id": "A2", "nama": "Budi"}"#]
        let crlf = try ImportHarness().records(try directory.file("crlf.ndjson", lines.joined(separator: "\r\n") + "\r\n"))
        let lf = try ImportHarness().records(try directory.file("lf.ndjson", lines.joined(separator: "\n") + "\n"))
        #expect(crlf.map(\.provenance.locator) == ["line:1", "line:2"])
        #expect(crlf.map { $0.fields[Field.name] } == ["Siti", "Budi"])
        #expect(crlf.map(\.provenance.contentHash) == lf.map(\.provenance.contentHash), "the line terminator is not content")
        #expect(crlf.first?.provenance.contentHash == SHA256.hex(of: lines[0]))
    }

    @Test func lastLineWithoutNewline() throws {
        let directory = try TemporaryDirectory("ndjson")
        defer { directory.remove() }
        let records = try ImportHarness().records(try directory.file("tail.ndjson", "{\"id\": \"1\"}\n{\"id\": \"2\"}"))
        #expect(records.map { $0.fields[Field.externalID] } == ["1", "2"])
    }

    @Test func emptyFileGivesNoRecords() throws {
        let directory = try TemporaryDirectory("ndjson")
        defer { directory.remove() }
        #expect(try ImportHarness().records(try directory.file("empty.ndjson", "")).isEmpty)
        #expect(try ImportHarness().records(try directory.file("blank.jsonl", "\n \r\n\t\n")).isEmpty)
    }

    @Test func brokenAndNonObjectLinesAreRejectedAndReadingGoesOn() throws {
        let directory = try TemporaryDirectory("ndjson")
        defer { directory.remove() }
        let text = "{\"id\": \"1\"}\n\n{\"id\": \"2\", \"nama\": \"Siti Aminah\",}\n[1, 2]\n\"Siti Aminah\"\n{\"id\": \"3\"}\n"
        let records = try ImportHarness().records(try directory.file("mixed.ndjson", text))
        #expect(records.map(\.provenance.locator) == ["line:1", "line:3", "line:4", "line:5", "line:6"])
        #expect(records[1].rejection == Rejection(message: "unexpected '}', expected a string key", position: "line 3, column 35"))
        #expect(records[2].rejection == Rejection(message: "record is not an object", position: "line 4"))
        #expect(records[3].rejection == Rejection(message: "record is not an object", position: "line 5"))
        #expect(records[4].fields[Field.externalID] == "3")
    }

    @Test func formatOptionOverridesTheExtension() throws {
        let directory = try TemporaryDirectory("ndjson")
        defer { directory.remove() }
        let file = try directory.file("export.txt", "{\"id\": \"1\"}\n{\"id\": \"2\"}\n")
        #expect(try ImportHarness(.init(format: .ndjson)).records(file).count == 2)
        #expect(try ImportHarness().error(file)?.location == "fixtures/export.txt:2:1", "auto reads .txt as one document")
    }

    @Test func linesAcrossChunkBoundaries() throws {
        let directory = try TemporaryDirectory("ndjson")
        defer { directory.remove() }
        let count = 5_000
        let text = (0..<count).map { #"{"id": "P\#($0)", "nama": "Peserta \#($0)", "pad": "\#(String(repeating: "x", count: $0 % 97))"}"# }
            .joined(separator: "\r\n")
        let records = try ImportHarness().records(try directory.file("many.ndjson", text), batchSize: 100)
        #expect(records.count == count)
        #expect(records.enumerated().allSatisfy { $0.element.fields[Field.externalID] == "P\($0.offset)" && $0.element.rejection == nil })
        #expect(records.last?.provenance.locator == "line:\(count)")
    }

    @Test func overlongLineIsRejectedWithoutStoppingTheFile() throws {
        let directory = try TemporaryDirectory("ndjson")
        defer { directory.remove() }
        #expect(JSONExportImporter.defaultMaximumLineLength == 16 * 1024 * 1024)
        let limit = 1024
        func padded(_ id: String, to length: Int) -> String {
            let head = #"{"id": "\#(id)", "pad": ""#
            return head + String(repeating: "y", count: length - head.utf8.count - 2) + #""}"#
        }
        let atLimit = padded("fits", to: limit)
        let oneOver = padded("over", to: limit + 1)
        let long = padded("big", to: 200 * 1024)
        let text = "{\"id\": \"1\"}\n" + long + "\r\n" + atLimit + "\r\n" + oneOver + "\n" + long
        let records = try ImportHarness(maximumLineLength: limit).records(try directory.file("long.ndjson", text))
        #expect(records.map(\.provenance.locator) == ["line:1", "line:2", "line:3", "line:4", "line:5"])
        func tooLong(_ length: Int, line: Int) -> Rejection {
            Rejection(message: "line is \(length) bytes, over the 1 KiB limit; not read", position: "line \(line)")
        }
        #expect(records[1].rejection == tooLong(long.utf8.count, line: 2), "the CR is not counted")
        #expect(records[2].rejection == nil)
        #expect(records[2].fields[Field.externalID] == "fits")
        #expect(records[3].rejection == tooLong(limit + 1, line: 4))
        #expect(records[4].rejection == tooLong(long.utf8.count, line: 5))
        #expect(records[1].provenance.contentHash == SHA256.hex(of: long), "an overlong line is hashed as it streams by")
        #expect(records[4].provenance.contentHash == SHA256.hex(of: long))
        #expect(records[3].provenance.contentHash == SHA256.hex(of: oneOver))
    }
}

/// One export, two shapes: the place nested in some records and flat in others.
@Suite struct MixedShapeExportTests {
    @Test func nestedAndFlatPlacesBothLand() throws {
        let directory = try TemporaryDirectory("ndjson-shapes")
        defer { directory.remove() }
        let lines = [
            #"{"id": "a1", "nama": "Siti", "domisili": {"kel": "Pela Mampang", "kec": "Mampang Prapatan"}}"#,
            #"{"id": "a2", "nama": "Budi", "kelurahan": "Bangka", "kecamatan": "Mampang Prapatan"}"#,
            #"{"id": "a3", "nama": "Ani", "alamat": {"kelurahan": "Tebet Barat"}}"#,
        ]
        let path = try directory.write("mixed.ndjson", lines.joined(separator: "\n") + "\n")
        let records = try ImportHarness().records(SourceFile(path: "mixed.ndjson", absolutePath: path))
        #expect(records.map { $0.fields[Field.kelurahan] } == ["Pela Mampang", "Bangka", "Tebet Barat"])
        #expect(records.map { $0.fields[Field.kecamatan] } == ["Mampang Prapatan", "Mampang Prapatan", nil])
        #expect(records.allSatisfy { $0.extras.isEmpty }, "\(records.map(\.extras))")
    }

    @Test func aListOfCandidatePathsIsTriedInOrder() throws {
        let directory = try TemporaryDirectory("ndjson-paths")
        defer { directory.remove() }
        let lines = [#"{"nama": "Siti", "wa": "0812-1", "telp": "0812-2"}"#, #"{"nama": "Budi", "telp": "0812-3"}"#]
        let path = try directory.write("paths.ndjson", lines.joined(separator: "\n") + "\n")
        var records: [SourceRecord] = []
        try JSONExportImporter(options: .init(fields: ["phone": ["wa", "telp"]]))
            .read(SourceFile(path: "paths.ndjson", absolutePath: path), context: ImportContext(sourceID: "t")) { records += $0 }
        #expect(records.map { $0.fields[Field.phone] } == ["0812-1", "0812-3"])
    }

    @Test func aTrainingsStatusIsPartOfItsEnrollment() throws {
        let directory = try TemporaryDirectory("ndjson")
        defer { directory.remove() }
        let lines = [
            #"{"id": "A1", "pelatihan": [{"kode": "K1", "status": "lulus"}, {"kode": "K2", "status": " HADIR "}, {"kode": "K3", "status": "Terdaftar"}]}"#,
            // No `status`: `keterangan`, then `hasil`; the candidates not taken stay extras.
            #"{"id": "A2", "pelatihan": [{"kode": "K1", "keterangan": "Tidak Lulus", "hasil": "80"}, {"kode": "K2", "hasil": "LULUS"}]}"#,
            #"{"id": "A3", "pelatihan": [{"kode": "K1", "status": "???", "keterangan": "ulang"}, {"kode": "K2", "status": ""}, {"kode": "K3"}]}"#,
        ]
        let records = try ImportHarness().records(try directory.file("status.ndjson", lines.joined(separator: "\n") + "\n"))
        #expect(records.map { $0.enrollments.map(\.status) } == [["lulus", "HADIR", "Terdaftar"], ["Tidak Lulus", "LULUS"], ["???", nil, nil]])
        #expect(records.map { $0.enrollments.map(\.standing) } == [[.passed, .attended, .registered], [.failed, .passed], [nil, nil, nil]])
        #expect(records[0].extras.isEmpty)
        #expect(records[1].extras == ["pelatihan[0].hasil": "80"])
        #expect(records[2].extras == ["pelatihan[0].keterangan": "ulang"])
    }

    @Test func theStatusPathIsAnOption() throws {
        let directory = try TemporaryDirectory("ndjson")
        defer { directory.remove() }
        let file = try directory.file("status.ndjson", #"{"id": "A1", "pelatihan": [{"kode": "K1", "status": "lulus", "predikat": "Lulus"}]}"# + "\n")
        let moved = try ImportHarness(.init(enrollmentFields: ["status": "predikat"])).records(file)
        #expect(moved.first?.enrollments == [Enrollment(programme: "K1", status: "Lulus")])
        #expect(moved.first?.extras == ["pelatihan[0].status": "lulus"])
        let off = try ImportHarness(.init(enrollmentFields: ["status": ""])).records(file)
        #expect(off.first?.enrollments == [Enrollment(programme: "K1")])
        #expect(off.first?.extras == ["pelatihan[0].status": "lulus", "pelatihan[0].predikat": "Lulus"])
    }
}
