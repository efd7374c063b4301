import CSVSignupImporter
import MusterCore
import MusterTesting
import Testing

/// A UTF-8 sheet into which a cell was pasted from a Windows-1252 file: the file stays
/// UTF-8, only the stray bytes are read as Windows-1252, and the run says where.
@Suite struct MixedEncodingTests {
    /// Reads `bytes` with the default options, returning the records and the warnings.
    static func read(_ bytes: [UInt8], options: CSVSignupImporter.Options = .init()) throws -> (records: [SourceRecord], warnings: [String]) {
        let fixture = try SheetFixture(bytes: bytes)
        defer { fixture.directory.remove() }
        let diagnostics = Diagnostics()
        var records: [SourceRecord] = []
        try CSVSignupImporter(options: options).read(fixture.file, context: ImportContext(sourceID: "test", diagnostics: diagnostics)) {
            records += $0
        }
        return (records, diagnostics.all.map(\.message))
    }

    static let head = Array("No,Nama,Kelurahan,Hari 1\n1,Heni Nur’aini,Cipete Utara,✓\n2,Siti Aminah,Pulo,✓\n3,".utf8)

    @Test(
        arguments: [
            ([0xA0], "\u{00A0}"), ([0xE9], "é"), ([0x92], "\u{2019}"), ([0x93, 0x94], "\u{201C}\u{201D}"),
            // A lead byte cut off by the next character: each byte on its own.
            ([0xC3], "Ã"), ([0xE2, 0x80], "â€"),
        ] as [([UInt8], String)])
    func onlyTheStrayBytesAreWindows1252(stray: [UInt8], read: String) throws {
        let bytes = Self.head + Array("Nur".utf8) + stray + Array("aini,Bangka,✓\n".utf8)
        let (records, warnings) = try Self.read(bytes)
        #expect(records.map { $0.fields[Field.name] } == ["Heni Nur’aini", "Siti Aminah", "Nur" + read + "aini"])
        #expect(records.allSatisfy { $0.enrollments.first?.attendance.first?.present == true }, "✓ keeps its meaning")
        #expect(
            warnings == [
                "fixtures/sheet.csv:4: bytes that are not UTF-8 in a UTF-8 file (the first on this line) were read as Windows-1252; check those cells"
            ])
    }

    @Test func theLineIsFoundPastTheFirstChunk() throws {
        var bytes = Array("No,Nama,Hari 1\n".utf8)
        for number in 1...3000 { bytes += Array("\(number),Siti Aminah Nur’aini Lestari Wulandari,✓\n".utf8) }
        bytes += Array("3001,Andr".utf8) + [0xE9] + Array(",✓\n3002,Budi,✓\n".utf8)
        #expect(bytes.count > 2 * 64 * 1024)
        let (records, warnings) = try Self.read(bytes)
        #expect(records.count == 3002)
        #expect(records[3000].fields[Field.name] == "André")
        #expect(records[3001].fields[Field.name] == "Budi")
        #expect(warnings.first?.hasPrefix("fixtures/sheet.csv:3002: ") == true)
    }

    @Test func aFileWithoutUTF8CharactersIsWindows1252AsBefore() throws {
        let bytes = Array("Nama;Kel\nAndr".utf8) + [0xE9] + Array(";Tebet\nNur".utf8) + [0x92] + Array("aini;Pulo\n".utf8)
        let (records, warnings) = try Self.read(bytes)
        #expect(records.map { $0.fields[Field.name] } == ["André", "Nur\u{2019}aini"])
        #expect(warnings.isEmpty)
    }

    @Test func moreStrayBytesThanUTF8CharactersMakeTheFileWindows1252() throws {
        // One "é" written as UTF-8 among three Windows-1252 ones: Windows-1252, and the
        // UTF-8 pair reads as its two Windows-1252 characters.
        let bytes = Array("Nama;Kel\nJos".utf8) + [0xE9] + Array(";Caf".utf8) + [0xE9] + Array("\nRen".utf8) + [0xE9] + Array(";Caf\u{E9}\n".utf8)
        let (records, warnings) = try Self.read(bytes)
        #expect(records.map { $0.fields["kelurahan"] } == ["Café", "CafÃ©"])
        #expect(warnings.isEmpty)
    }

    @Test func aLongWindows1252FileStaysWindows1252() throws {
        var bytes = Array("Nama;Kel\n".utf8)
        for _ in 1...3000 { bytes += Array("Andr".utf8) + [0xE9] + Array(";Tebet Barat Raya Nomor Sembilan\n".utf8) }
        bytes += Array("Caf\u{E9};Pulo\n".utf8)
        #expect(bytes.count > 64 * 1024)
        let (records, warnings) = try Self.read(bytes)
        #expect(records.first?.fields[Field.name] == "André")
        #expect(records.last?.fields[Field.name] == "CafÃ©", "the UTF-8 pair past the first chunk is two Windows-1252 characters")
        #expect(warnings.isEmpty)
    }

    @Test func aByteUndefinedInWindows1252RejectsItsRowOnly() throws {
        let bytes = Self.head + Array("Nur".utf8) + [0x81] + Array("aini,Bangka,✓\n4,Budi,Pulo,✓\n".utf8)
        let (records, _) = try Self.read(bytes)
        #expect(records[2].rejection == Rejection(message: "field 2 (\"Nama\") is not valid UTF-8 or Windows-1252", position: "line 4"))
        #expect(records[3].fields[Field.name] == "Budi")
    }

    @Test func utf8AskedForStaysStrict() throws {
        let bytes = Self.head + Array("Nur".utf8) + [0xA0] + Array("aini,Bangka,✓\n".utf8)
        let (records, warnings) = try Self.read(bytes, options: .init(encoding: .utf8))
        #expect(records[2].rejection == Rejection(message: "field 2 (\"Nama\") is not valid UTF-8", position: "line 4"))
        #expect(warnings.isEmpty)
    }
}
