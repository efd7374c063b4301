import ContentHash
import Foundation
import JSONExportImporter
import MusterCore
import MusterTesting
import Testing

/// A JSON document read record by record: records across 64 KiB chunk boundaries, the
/// content hash, where `auto` finds the records when candidates compete, and what a fault
/// after some records does.
@Suite struct StreamingDocumentTests {
    /// One compact record; `index` makes it unique, `padding` makes it long.
    static func record(_ index: Int, padding: Int = 0) -> String {
        #"{"id":"JP-\#(index)","nama":"Peserta \#(index)","kontak":{"hp":"0812\#(index)","email":null},"nik":317401\#(index),"#
            + #""catatan":"\#(String(repeating: "x", count: padding))","pelatihan":[{"kode":"K\#(index % 3)","tanggal":"2024-09-02"}]}"#
    }

    @Test func recordsAcrossChunkBoundariesKeepOrderValuesAndHashes() throws {
        let directory = try TemporaryDirectory("json-stream")
        defer { directory.remove() }
        let compact = (0..<3000).map { Self.record($0, padding: $0 % 7 == 0 ? 70_000 : $0 % 50) }
        // Whitespace between tokens is not content: the hash is over the compact form.
        let spaced = compact.map { $0.replacingOccurrences(of: "\",\"", with: "\",\n    \"").replacingOccurrences(of: ":{", with: ": {") }
        let text = "{\"meta\": {\"total\": 3000},\n \"data\": {\"items\": [\n" + spaced.joined(separator: ",\n") + "\n]}}\n"
        let records = try ImportHarness().records(try directory.file("big.json", text), batchSize: 100)
        #expect(records.count == 3000)
        #expect(records.map(\.provenance.locator) == (0..<3000).map { "$.data.items[\($0)]" })
        #expect(records.map { $0.fields[Field.externalID] } == (0..<3000).map { "JP-\($0)" })
        #expect(records[2999].fields[Field.nik] == "3174012999", "numbers keep their digits")
        #expect(records.map(\.provenance.contentHash) == compact.map { SHA256.hex(of: $0) })
        #expect(records.allSatisfy { $0.rejection == nil && $0.enrollments.count == 1 })
    }

    @Test func escapedTextIsHashedInItsCompactForm() throws {
        let directory = try TemporaryDirectory("json-stream")
        defer { directory.remove() }
        let file = try directory.file("escapes.json", #"[{"nama": "Siti \u0041minah", "kota": "Jakarta\/Selatan", "catatan": "a\"b"}]"#)
        let record = try #require(try ImportHarness().records(file).first)
        #expect(record.fields[Field.name] == "Siti Aminah")
        #expect(record.provenance.contentHash == SHA256.hex(of: #"{"nama":"Siti Aminah","kota":"Jakarta/Selatan","catatan":"a\"b"}"#))
    }

    @Test func autoPrefersDataItemsEvenWhenItComesLater() throws {
        let directory = try TemporaryDirectory("json-stream")
        defer { directory.remove() }
        let later = try directory.file("later.json", #"{"items": [{"id": "I1"}], "records": [], "data": {"items": [{"id": "D1"}, {"id": "D2"}]}}"#)
        #expect(try ImportHarness().records(later).map(\.provenance.locator) == ["$.data.items[0]", "$.data.items[1]"])
        // `items` met first, no `data` key anywhere: read again once the walk has ruled `data` out.
        let only = try directory.file("only.json", #"{"records": [{"id": "R1"}], "items": [{"id": "I1"}, {"id": "I2"}], "meta": {"n": 2}}"#)
        let records = try ImportHarness().records(only)
        #expect(records.map(\.provenance.locator) == ["$.items[0]", "$.items[1]"])
        #expect(records.map { $0.fields[Field.externalID] } == ["I1", "I2"])
        // `data` already passed (an object without items): `items` is read at once.
        let passed = try directory.file("passed.json", #"{"data": {"total": 1}, "items": [{"id": "I1"}]}"#)
        #expect(try ImportHarness().records(passed).map(\.provenance.locator) == ["$.items[0]"])
    }

    @Test func aFaultAfterSomeRecordsKeepsThemAndNamesThePlace() throws {
        let directory = try TemporaryDirectory("json-stream")
        defer { directory.remove() }
        let text = "{\"data\": [\n" + (0..<5).map { Self.record($0) }.joined(separator: ",\n") + ",\n{\"id\": \"JP-5\", nama: 1}\n]}"
        let file = try directory.file("cut.json", text)
        var emitted: [SourceRecord] = []
        var thrown: MusterError?
        do {
            try JSONExportImporter(options: .init()).read(file, context: ImportContext(sourceID: "test")) { emitted += $0 }
        } catch let error as MusterError {
            thrown = error
        }
        #expect(emitted.map(\.provenance.locator) == (0..<5).map { "$.data[\($0)]" })
        let offset = try #require(text.utf8.firstIndex(of: UInt8(ascii: "n"), after: text.utf8.count - 20))
        #expect(thrown?.description == "fixtures/cut.json:7:16: not valid JSON: unexpected 'n', expected a string key (byte \(offset))")
    }

    @Test func aValueOverTheLimitIsRefusedWithoutBeingHeld() throws {
        let directory = try TemporaryDirectory("json-stream")
        defer { directory.remove() }
        let text = "[" + Self.record(1) + ", " + Self.record(2, padding: 3 * 1024 * 1024) + "]"
        let error = try #require(try ImportHarness(maximumLineLength: 1024 * 1024).error(try directory.file("huge.json", text)))
        let offset = Self.record(1).utf8.count + 3
        #expect(error.description == "fixtures/huge.json:1:\(offset + 1): not valid JSON: a single value of more than 1 MiB; not read (byte \(offset))")
    }
}

extension String.UTF8View {
    /// The offset of the first `byte` at or after offset `start`.
    func firstIndex(of byte: UInt8, after start: Int) -> Int? {
        dropFirst(start).firstIndex(of: byte).map { distance(from: startIndex, to: $0) }
    }
}
