import CSVSignupImporter
import ContentHash
import MusterCore
import Testing

@Suite struct CSVEdgeCaseTests {
    @Test func quotedDelimiterQuoteAndNewline() throws {
        let text = "Nama,NIK,Alamat\n\"Siti, S.E.\",\"31\"\"74\",\"Jl. Melati\nRT 01\"\nBudi,3174,Jl. Mawar\n"
        let records = try SheetFixture(text).records()
        #expect(records.count == 2)
        #expect(records[0].fields == ["name": "Siti, S.E.", "nik": "31\"74", "address": "Jl. Melati\nRT 01"])
        #expect(records[0].locator == "row:2")
        #expect(records[1].locator == "row:4")
        #expect(records[1].fields["name"] == "Budi")
    }

    @Test(arguments: ["\r\n", "\n", "\r"])
    func lineEndings(_ lineEnd: String) throws {
        let text = ["Nama,No HP", "Siti,0812", "", "Budi,0813", "\"Ani\(lineEnd)Ana\",0814", "Eko,0815"].joined(separator: lineEnd) + lineEnd
        let records = try SheetFixture(text).records()
        #expect(records.map(\.locator) == ["row:2", "row:4", "row:5", "row:7"])
        #expect(records.map { $0.fields["name"] } == ["Siti", "Budi", "Ani\(lineEnd)Ana", "Eko"])
        #expect(records.allSatisfy { $0.rejection == nil })
    }

    @Test func locatorAfterMultiLineQuotedField() throws {
        let text = "Nama,Alamat\nA,\"one\ntwo\nthree\"\nB,x\n"
        let records = try SheetFixture(text).records()
        #expect(records.map(\.locator) == ["row:2", "row:5"])
    }

    @Test func crlfSplitAcrossChunksCountsOnce() throws {
        // 64 KiB chunks: put the CR of a CRLF as the last byte of the first chunk.
        let header = "Nama,Alamat\r\n"
        let filler = String(repeating: "x", count: 65536 - header.utf8.count - "Siti,".utf8.count - 1)
        let text = header + "Siti," + filler + "\r\nBudi,y\r\n"
        #expect(Array(text.utf8)[65535] == UInt8(ascii: "\r"))
        let records = try SheetFixture(text).records()
        #expect(records.map(\.locator) == ["row:2", "row:3"])
    }

    @Test func semicolonAndTabDetection() throws {
        let semicolon = try SheetFixture("Nama;Alamat;No HP\nSiti;Jl. A, No. 1;0812\nBudi;Jl. B, Gg. 2, RT 3;0813\n").records()
        #expect(semicolon.map { $0.fields["address"] } == ["Jl. A, No. 1", "Jl. B, Gg. 2, RT 3"])
        let tab = try SheetFixture("Nama\tNIK\tKel\nSiti\t3174\tTebet\n").records()
        #expect(tab.first?.fields == ["name": "Siti", "nik": "3174", "kelurahan": "Tebet"])
        let pipe = try SheetFixture("Nama|NIK\nSiti|3174\n").records(.init(delimiter: .pipe))
        #expect(pipe.first?.fields == ["name": "Siti", "nik": "3174"])
    }

    /// Hand-edited sheets put spaces around quoted fields; the quotes still hold the comma.
    /// An empty tab-separated cell stays an empty cell.
    @Test func spacesAroundQuotedFieldsAndEmptyTabCells() throws {
        let spaced = try SheetFixture("Nama,Alamat,No HP\nSiti , \"Jl. A, No. 1\" ,0812\n").records()
        #expect(spaced.first?.fields == ["name": "Siti", "address": "Jl. A, No. 1", "phone": "0812"])
        let tab = try SheetFixture("Nama\tNIK\tKel\nSiti\t\tTebet\n\t 3174\t\n").records()
        #expect(tab.map(\.fields) == [["name": "Siti", "nik": "", "kelurahan": "Tebet"], ["name": "", "nik": "3174", "kelurahan": ""]])
    }

    @Test func titleRowsAndBlankLineAboveHeader() throws {
        let text = "DAFTAR HADIR;;;\nKecamatan Tebet, 2 September 2024;;;\n;;;\n\nNo;Nama;NIK;Hari 1\n1;Siti;3174;v\n;;;\n"
        let records = try SheetFixture(text).records()
        #expect(records.count == 1)
        #expect(records[0].locator == "row:6")
        #expect(records[0].extras == ["No": "1"])
        #expect(records[0].enrollments == [Enrollment(attendance: [Attendance(day: "Hari 1", mark: "v", present: true)])])
    }

    @Test func explicitHeaderRow() throws {
        let text = "Laporan\nkode,nilai\nA1,10\n"
        let records = try SheetFixture(text).records(.init(headerRow: 2))
        #expect(records.map(\.extras) == [["kode": "A1", "nilai": "10"]])
        #expect(records.map(\.locator) == ["row:3"])
    }

    @Test func utf8WithByteOrderMark() throws {
        let records = try SheetFixture(bytes: [0xEF, 0xBB, 0xBF] + Array("Nama,Telp\nSiti,0812\n".utf8)).records()
        #expect(records.first?.fields == ["name": "Siti", "phone": "0812"])
    }

    @Test func utf16LittleEndianWithByteOrderMark() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Nama,Kelurahan\nAndré,Pulo ✓\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let records = try SheetFixture(bytes: bytes).records()
        #expect(records.first?.fields == ["name": "André", "kelurahan": "Pulo ✓"])
    }

    @Test func windows1252() throws {
        let bytes = Array("Nama;Kel\nAndr".utf8) + [0xE9] + Array(";Tebet\nNur".utf8) + [0x92] + Array("aini;Pulo\n".utf8)
        let records = try SheetFixture(bytes: bytes).records()
        #expect(records.map { $0.fields["name"] } == ["André", "Nur\u{2019}aini"])
    }

    @Test func invalidBytesRejectTheRecordNotTheFile() throws {
        // Forced UTF-8: the 0xE9 is not valid, so its row is rejected, never U+FFFD.
        let bytes = Array("Nama,Kel\nAndr".utf8) + [0xE9] + Array(",Tebet\nSiti,Pulo\n".utf8)
        let records = try SheetFixture(bytes: bytes).records(.init(encoding: .utf8))
        #expect(records.map(\.rejection) == [Rejection(message: "field 1 (\"Nama\") is not valid UTF-8", position: "line 2"), nil])
        #expect(records[1].fields["name"] == "Siti")
    }

    @Test func strayControlByteIsRejected() throws {
        let bytes = Array("Nama,Kel\nSi".utf8) + [0x00] + Array("ti,Tebet\nBudi,Pulo\n".utf8)
        let records = try SheetFixture(bytes: bytes).records()
        #expect(records[0].rejection == Rejection(message: "field 1 (\"Nama\") contains the control byte 0x00", position: "line 2"))
        #expect(records[1].fields["name"] == "Budi")
    }

    @Test(arguments: [[0x0B, 0x20, 0x53], [0x53, 0x20, 0x0C], [0x20, 0x53, 0x01, 0x53, 0x20, 0x7F]] as [[UInt8]])
    func controlBytesInTrimmedSpaceAreRejectedToo(_ cell: [UInt8]) throws {
        let bytes = Array("Nama,Kel\n".utf8) + cell + Array(",Tebet\nBudi,Pulo\n".utf8)
        let records = try SheetFixture(bytes: bytes).records()
        let first = cell.first { $0 < 0x20 || $0 == 0x7F }.map { String($0, radix: 16, uppercase: true) } ?? ""
        let expected = "field 1 (\"Nama\") contains the control byte 0x" + (first.count < 2 ? "0" : "") + first
        #expect(records[0].rejection == Rejection(message: expected, position: "line 2"))
        #expect(records[1].fields["name"] == "Budi")
    }

    @Test func rowAcrossTwoChunksKeepsItsBytesAndHash() throws {
        // The second row starts in the first 64 KiB chunk and ends in the next one.
        let header = "Nama,Alamat\n"
        let first = "Siti," + String(repeating: "x", count: 65536 - header.utf8.count - "Siti,".utf8.count - 10) + "\n"
        let second = "Budi,\"Jl. Mawar\nRT 01, No. 2\""
        let text = header + first + second + "\nAni,y\n"
        let records = try SheetFixture(text).records()
        #expect(records.map(\.locator) == ["row:2", "row:3", "row:5"])
        #expect(records[1].fields == ["name": "Budi", "address": "Jl. Mawar\nRT 01, No. 2"])
        #expect(records[1].provenance.contentHash == SHA256.hex(of: Array(second.utf8)))
        #expect(records[2].provenance.contentHash == SHA256.hex(of: Array("Ani,y".utf8)))
    }

    @Test func theFirstBadColumnInHeaderOrderIsReported() throws {
        let header = "Kode,Hari 1,Nama,NIK,Email,Kel,Catatan\n"
        let bytes =
            Array(header.utf8) + Array("A,".utf8) + [0x01] + Array(",".utf8) + [0x02] + Array(",".utf8) + [0x03]
            + Array(",".utf8) + [0x04] + Array(",".utf8) + [0x05] + Array(",".utf8) + [0x06] + Array("\n".utf8)
        let records = try SheetFixture(bytes: bytes).records()
        #expect(records.map(\.rejection) == [Rejection(message: "field 2 (\"Hari 1\") contains the control byte 0x01", position: "line 2")])
    }

    @Test func repeatedValuesReadTheSameOnEveryRow() throws {
        // Enough rows for a column's repeated values to be shared, and for a column of
        // unique values to stop being looked up; a bad cell late in the file is still caught.
        let kelurahan = ["Tebet", " Tebet ", "Pulo", "Manggarai Selatan", "Bukit Duri"]
        var bytes = Array("Nama,Kel,Catatan\n".utf8)
        for index in 0..<1500 {
            bytes += Array("P\(index),\(kelurahan[index % kelurahan.count]),\(index % 2 == 0 ? "ya" : "")\n".utf8)
        }
        bytes += Array("Akhir,Teb".utf8) + [0x01] + Array("et,ya\n".utf8)
        let records = try SheetFixture(bytes: bytes).records()
        #expect(records.count == 1501)
        for (index, record) in records.dropLast().enumerated() {
            #expect(record.fields == ["name": "P\(index)", "kelurahan": kelurahan[index % kelurahan.count].trimmingWhitespace])
            #expect(record.extras == ["Catatan": index % 2 == 0 ? "ya" : ""])
        }
        #expect(records.last?.rejection == Rejection(message: "field 2 (\"Kel\") contains the control byte 0x01", position: "line 1502"))
    }

    @Test func aRepeatedHeaderNeverTakesAnotherColumnsKey() throws {
        // The third header would become "Catatan (3)", which the second header already is.
        let header = "Catatan,Catatan (3),Catatan,Nama,NIK\n"
        let bytes = Array((header + "a,b,c,Siti,1\n,x,,,\na,").utf8) + [0x01] + Array("b,c,Budi,2\n".utf8)
        let records = try SheetFixture(bytes: bytes).records()
        #expect(records.map(\.locator) == ["row:2", "row:3", "row:4"])
        #expect(records[0].extras == ["Catatan": "a", "Catatan (3)": "b", "Catatan (4)": "c"])
        #expect(records[1].extras == ["Catatan": "", "Catatan (3)": "x", "Catatan (4)": ""])
        #expect(records[2].rejection == Rejection(message: "field 2 (\"Catatan (3)\") contains the control byte 0x01", position: "line 4"))
    }

    @Test func raggedRowDoesNotStopLaterRows() throws {
        let text = "Nama,NIK\nSiti,1\nBudi,2,extra\nAni\nEko,4\n"
        let records = try SheetFixture(text).records()
        #expect(records.map(\.locator) == ["row:2", "row:3", "row:4", "row:5"])
        #expect(records[1].rejection == Rejection(message: "row has 3 fields, the header has 2", position: "line 3"))
        #expect(records[2].fields == ["name": "Ani", "nik": ""])
        #expect(records[3].fields["name"] == "Eko")
    }

    @Test func unclosedQuoteIsRejectedAndLaterRowsAreKept() throws {
        let text = "Nama,NIK\nSiti,\"1\nBudi,2\nAni,3"
        let records = try SheetFixture(text).records()
        #expect(records.map(\.locator) == ["row:2", "row:3", "row:4"])
        #expect(records[0].rejection == Rejection(message: "a quoted field is not closed", position: "line 2"))
        #expect(records.dropFirst().map { $0.fields["name"] } == ["Budi", "Ani"])
    }

    @Test func unclosedQuoteIsGivenUpAfterOneMebibyte() throws {
        // Long lines keep the record count (and the debug-build run time) small.
        let count = 11_000
        let line = "Budi," + String(repeating: "2", count: 100) + "\n"
        let text = "Nama,NIK\nSiti,\"1\n" + String(repeating: line, count: count)
        let records = try SheetFixture(text).records()
        #expect(records.count == count + 1)
        #expect(records.first?.rejection == Rejection(message: "a quoted field is not closed", position: "line 2"))
        #expect(records.dropFirst().allSatisfy { $0.rejection == nil && $0.fields["name"] == "Budi" })
        #expect(records.last?.locator == "row:\(count + 2)")
    }

    @Test func lastRowWithoutTrailingNewline() throws {
        let records = try SheetFixture("Nama,NIK\nSiti,1\nBudi,2").records()
        #expect(records.map { $0.fields["name"] } == ["Siti", "Budi"])
    }

    @Test func emptyAndHeaderOnlyFiles() throws {
        #expect(try SheetFixture("").records().isEmpty)
        #expect(try SheetFixture("Nama,NIK,No HP\n").records().isEmpty)
        #expect(try SheetFixture("Nama,NIK,No HP").records().isEmpty)
    }

    @Test func columnsOverrideAndExtend() throws {
        let text = "Nama Ibu,Nama,Nomor Induk\nSiti,Ani,3174\n"
        let records = try SheetFixture(text).records(.init(columns: ["Nama Ibu": "name", "nomor  induk": "nik"]))
        #expect(records.first?.fields == ["name": "Siti", "nik": "3174"])
        #expect(records.first?.extras == ["Nama": "Ani"])
    }

    @Test func cellsAreTrimmedAfterByteExactParsing() throws {
        let records = try SheetFixture("Nama;NIK\n  Siti Aminah \t; 3174 \n").records()
        #expect(records.first?.fields == ["name": "Siti Aminah", "nik": "3174"])
    }

    @Test func batchSizeIsHonoured() throws {
        let text = "Nama,NIK\n" + (1...7).map { "P\($0),\($0)\n" }.joined()
        let batches = try SheetFixture(text).batches(batchSize: 3)
        #expect(batches.map(\.count) == [3, 3, 1])
    }

    @Test func sessionFromOptionsAndFileName() throws {
        let text = "Nama,NIK,Hari ke-1,2 Sep\nSiti,1,hadir,x\n"
        let options = CSVSignupImporter.Options(programme: "WUIB", sessionFromFileName: "(WUIB-[A-Z]+-[0-9]+)")
        let records = try SheetFixture(text, name: "absen-WUIB-TBT-03.csv").records(options)
        #expect(
            records.first?.enrollments == [
                Enrollment(
                    programme: "WUIB", session: "WUIB-TBT-03",
                    attendance: [
                        Attendance(day: "Hari ke-1", mark: "hadir", present: true),
                        Attendance(day: "2 Sep", mark: "x", present: false),
                    ])
            ])
    }

    @Test func contentHashIgnoresTheLineEnding() throws {
        let lf = try SheetFixture("Nama,NIK\nSiti,1\n").records()
        let crlf = try SheetFixture("Nama,NIK\r\nSiti,1\r\n").records()
        #expect(lf.first?.provenance.contentHash == crlf.first?.provenance.contentHash)
    }

    @Test func missingFileThrowsNamingIt() throws {
        let importer = try CSVSignupImporter(options: .init())
        let file = SourceFile(path: "fixtures/nowhere.csv", absolutePath: "/nonexistent/nowhere.csv")
        #expect {
            try importer.read(file, context: ImportContext(sourceID: "test")) { _ in }
        } throws: { error in
            "\(error)".contains("fixtures/nowhere.csv")
        }
    }
}
