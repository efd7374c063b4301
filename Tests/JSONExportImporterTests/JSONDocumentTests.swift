import ContentHash
import JSONExportImporter
import MusterCore
import MusterTesting
import Testing

/// Generated JSON documents: where the records are, and what happens when the file is bad.
@Suite struct JSONDocumentTests {
    @Test func topLevelArray() throws {
        let directory = try TemporaryDirectory("json-document")
        defer { directory.remove() }
        let file = try directory.file("top.json", #"[{"id": "A1", "nama": "Siti"}, {"id": "A2", "name": "Budi"}]"#)
        let records = try ImportHarness().records(file)
        #expect(records.map(\.provenance.locator) == ["$[0]", "$[1]"])
        #expect(records.map { $0.fields[Field.name] } == ["Siti", "Budi"])
        #expect(records[0].provenance.contentHash == SHA256.hex(of: #"{"id":"A1","nama":"Siti"}"#))
    }

    @Test func dataArray() throws {
        let directory = try TemporaryDirectory("json-document")
        defer { directory.remove() }
        let file = try directory.file("data.json", #"{"meta": {"total": 1}, "data": [{"id": "B1", "hp": "0812"}]}"#)
        let records = try ImportHarness().records(file)
        #expect(records.map(\.provenance.locator) == ["$.data[0]"])
        #expect(records.first?.fields[Field.phone] == "0812")
        #expect(records.first?.extras.isEmpty == true, "meta is outside the records")
    }

    @Test func customRecordsPath() throws {
        let directory = try TemporaryDirectory("json-document")
        defer { directory.remove() }
        let file = try directory.file("custom.json", #"{"hasil": {"peserta": [{"id": "C1"}, {"id": "C2"}]}}"#)
        let records = try ImportHarness(.init(records: "hasil.peserta")).records(file)
        #expect(records.map(\.provenance.locator) == ["$.hasil.peserta[0]", "$.hasil.peserta[1]"])
        #expect(records.map { $0.fields[Field.externalID] } == ["C1", "C2"])
        let dollar = try ImportHarness(.init(records: "$.hasil.peserta")).records(file)
        #expect(dollar.map(\.provenance) == records.map(\.provenance))
    }

    @Test func recordsPathMissingOrNotAnArray() throws {
        let directory = try TemporaryDirectory("json-document")
        defer { directory.remove() }
        let file = try directory.file("paths.json", #"{"data": {"items": {"id": "x"}}}"#)
        let missing = try #require(try ImportHarness(.init(records: "data.rows")).error(file))
        #expect(missing.description == #"fixtures/paths.json: records path "data.rows" is not in the document; check the records option"#)
        let object = try #require(try ImportHarness(.init(records: "data.items")).error(file))
        #expect(object.description == #"fixtures/paths.json: records path "data.items" holds an object, expected an array of records"#)
        let auto = try #require(try ImportHarness().error(file))
        #expect(auto.description.hasPrefix("fixtures/paths.json: no records array found"))
    }

    @Test func fieldsOverrideWithADottedPath() throws {
        let directory = try TemporaryDirectory("json-document")
        defer { directory.remove() }
        let text = #"{"items": [{"id": "D1", "profil": {"telepon": {"seluler": "0813"}}, "kontak": {"hp": "0899"}, "jenis_usaha": "Kue"}]}"#
        let options = JSONExportImporter.Options(fields: ["phone": ["profil.telepon.seluler"], "sector": [], "businessName": ["usaha.nama"]])
        let record = try #require(try ImportHarness(options).records(try directory.file("fields.json", text)).first)
        #expect(record.fields[Field.phone] == "0813")
        #expect(record.fields[Field.sector] == nil, "sector was turned off")
        #expect(record.extras == ["kontak.hp": "0899", "jenis_usaha": "Kue"], "unmapped leaves are kept")
    }

    @Test func valuesAreRawAndNothingIsDropped() throws {
        let directory = try TemporaryDirectory("json-document")
        defer { directory.remove() }
        let text = """
            [{"nik": 3174065004990090, "kontak": {"hp": 81298765432, "email": "  a@b.example "}, "aktif": true,
              "catatan": null, "tags": ["x", 2, {"k": false}], "nama": "", "name": "Ani",
              "pelatihan": [{"kode": "K1", "sesi": 2, "lokasi": "RPTRA"}, "lepas"]}]
            """
        let record = try #require(try ImportHarness().records(try directory.file("values.json", text)).first)
        #expect(record.fields[Field.nik] == "3174065004990090")
        #expect(record.fields[Field.phone] == "81298765432")
        #expect(record.fields[Field.email] == "a@b.example")
        #expect(record.fields[Field.name] == "Ani", "an empty nama falls through to name")
        #expect(record.enrollments == [Enrollment(programme: "K1", session: "2")])
        #expect(
            record.extras == [
                "aktif": "true", "tags[0]": "x", "tags[1]": "2", "tags[2].k": "false",
                "pelatihan[0].lokasi": "RPTRA", "pelatihan[1]": "lepas",
            ])
    }

    @Test func nonObjectElementIsRejected() throws {
        let directory = try TemporaryDirectory("json-document")
        defer { directory.remove() }
        let file = try directory.file("mixed.json", #"{"data": {"items": [{"id": "E1"}, "Siti Aminah", 3174065004990090, null]}}"#)
        let records = try ImportHarness().records(file)
        #expect(records.count == 4)
        #expect(records[0].rejection == nil)
        for index in 1...3 {
            #expect(records[index].rejection == Rejection(message: "record is not an object", position: "$.data.items[\(index)]"))
            #expect(records[index].provenance.locator == "$.data.items[\(index)]")
        }
    }

    @Test func emptyFileNamesTheFile() throws {
        let directory = try TemporaryDirectory("json-document")
        defer { directory.remove() }
        let error = try #require(try ImportHarness().error(try directory.file("empty.json", "")))
        #expect(error.code == .unreadableInput)
        #expect(error.description == "fixtures/empty.json:1:1: the file is empty; expected a JSON document")
        let blank = try #require(try ImportHarness().error(try directory.file("blank.json", "  \n\n")))
        #expect(blank.location == "fixtures/blank.json:1:1")
    }

    @Test func notJSONGivesLineAndColumn() throws {
        let directory = try TemporaryDirectory("json-document")
        defer { directory.remove() }
        let file = try directory.file("notjson.json", "{\n  \"data\": [\n    {\"id\": 1},\n    {id: 2}\n  ]\n}\n")
        let error = try #require(try ImportHarness().error(file))
        #expect(error.code == .unreadableInput)
        #expect(error.description == "fixtures/notjson.json:4:6: not valid JSON: unexpected 'i', expected a string key (byte 34)")
        let csv = try #require(try ImportHarness().error(try directory.file("sheet.json", "Nama;NIK\nSiti;3174\n")))
        #expect(csv.description == "fixtures/sheet.json:1:1: not valid JSON: unexpected 'N', expected a value (byte 0)")
    }

    @Test func deepNestingIsRefusedWithoutCrashing() throws {
        let directory = try TemporaryDirectory("json-document")
        defer { directory.remove() }
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = try #require(try ImportHarness().error(try directory.file("deep.json", text)))
        #expect(error.description == "fixtures/deep.json:1:513: not valid JSON: nesting deeper than 512 levels (byte 512)")
        let inRecord = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        let ndjson = try ImportHarness().records(try directory.file("deep.ndjson", #"{"id": "ok"}"# + "\n" + inRecord + "\n"))
        #expect(ndjson.count == 2)
        #expect(ndjson[1].rejection?.message == "nesting deeper than 512 levels")
    }

    @Test func missingFileIsUnreadable() throws {
        let directory = try TemporaryDirectory("json-document")
        defer { directory.remove() }
        let file = SourceFile(path: "fixtures/none.json", absolutePath: directory.path + "/none.json")
        let error = try #require(try ImportHarness().error(file))
        #expect(error.code == .unreadableInput)
        #expect(error.description == "fixtures/none.json: cannot open the file: No such file or directory")
    }
}
