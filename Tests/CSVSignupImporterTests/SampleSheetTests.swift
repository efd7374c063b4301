import CSVSignupImporter
import Foundation
import MusterCore
import MusterTesting
import Testing

/// The sample sheets in `samples/sheets/`, checked against facts about them
/// and the record references in `samples/expected/people.csv`.
@Suite struct SampleSheetTests {
    static let sheets = [
        "sheets/pendaftaran-wuib-kebayoran-baru.csv",
        "sheets/daftar-hadir-WUIB-TBT-01.csv",
        "sheets/daftar-hadir-fesyen-PSM-02.csv",
        "sheets/formulir-pemasaran-digital-2024.csv",
        "sheets/rekap-pelatihan-sudin-2024.csv",
    ]

    static func read(_ sheet: String, _ options: CSVSignupImporter.Options = .init()) throws -> [SourceRecord] {
        var records: [SourceRecord] = []
        try CSVSignupImporter(options: options)
            .read(RepositoryPaths.sampleFile(sheet), context: ImportContext(sourceID: "sheets")) { records += $0 }
        return records
    }

    /// The locators people.csv lists for one sheet: every data row, one record each.
    static func expectedLocators(_ sheet: String) throws -> [String] {
        let text = try String(contentsOfFile: RepositoryPaths.samples + "/expected/people.csv", encoding: .utf8)
        let prefix = "samples/\(sheet)#"
        return text.split(separator: "\n").compactMap { line in
            let ref = line.split(separator: ",").first.map(String.init) ?? ""
            return ref.hasPrefix(prefix) ? String(ref.dropFirst(prefix.count)) : nil
        }
    }

    @Test(arguments: sheets)
    func everyDataRowIsOneRecordAtTheExpectedLine(_ sheet: String) throws {
        let records = try Self.read(sheet)
        let expected = try Self.expectedLocators(sheet)
        #expect(records.count == expected.count)
        #expect(Set(records.map(\.locator)) == Set(expected))
        #expect(records.allSatisfy { $0.provenance.file == "samples/\(sheet)" })
    }

    @Test func googleFormWithItsOwnColumnsAndAPlaceBeforeTheBirthDate() throws {
        let records = try Self.read(Self.sheets[3])
        #expect(records.count == 7)
        let first = try #require(records.first)
        #expect(first.fields["email"] == "rina.marlina88@example.com")
        #expect(first.fields["phone"] == "0878-1234-0099")
        #expect(first.fields["birthDate"] == "Jakarta, 4 Desember 1990")
        #expect(first.fields["address"] == "Jl. Kalibata Tengah No. 12 RT 003/RW 05")
        #expect(first.fields["sector"] == "Kuliner")
        #expect(first.extras.isEmpty, "every Google Forms column has its field: \(first.extras)")
    }

    @Test func excelRecapRowsAreEnrollmentsInTheirOwnTraining() throws {
        let records = try Self.read(Self.sheets[4])
        #expect(records.map(\.locator) == (4...12).map { "row:\($0)" })
        let first = try #require(records.first)
        #expect(first.fields["nik"] == "'3174015703670021", "the raw value keeps Excel's apostrophe")
        #expect(first.enrollments.count == 1)
        let enrollment = try #require(first.enrollments.first)
        #expect(enrollment.title == "Pelatihan WUIB Kerajinan Tas")
        #expect(enrollment.date == "02/09/2024")
        #expect(enrollment.status == "LULUS" && enrollment.standing == .passed)
        #expect(records.map { $0.enrollments.first?.standing } == [.passed, .passed, .attended, .registered, .passed, .passed, .failed, .attended, .passed])
        #expect(records.allSatisfy { Array($0.extras.keys) == ["NO"] && $0.rejection == nil }, "only the row number is left over")
    }

    @Test func googleFormsSheet() throws {
        let records = try Self.read(Self.sheets[0])
        #expect(records.count == 50)
        let first = try #require(records.first)
        #expect(first.locator == "row:2")
        #expect(first.fields["name"] == "Hj. Dewi Wahyuni")
        #expect(first.fields["phone"] == "0877-2901-5201")
        #expect(first.fields["submittedAt"] == "2024/08/12 11:16:40 AM GMT+7")
        #expect(first.fields["sector"] == "Katering rumahan")
        #expect(first.fields["kecamatan"] == "Keb. Baru")
        let multiLine = try #require(records.first { $0.locator == "row:7" })
        #expect(multiLine.fields["sector"] == "Kuliner\n(nasi uduk & lontong sayur)")
        #expect(records.first { $0.locator == "row:9" }?.fields["name"] == "Siti Purnamasari")
        let ragged = try #require(records.first { $0.locator == "row:30" })
        #expect(ragged.rejection == Rejection(message: "row has 11 fields, the header has 10", position: "line 30"))
        #expect(records.filter { $0.rejection != nil }.count == 1)
        #expect(records.first { $0.locator == "row:19" }?.fields["name"] == "-")
    }

    @Test func tebetAttendanceSheet() throws {
        let options = CSVSignupImporter.Options(programme: "WUIB", sessionFromFileName: "(WUIB-[A-Z]+-[0-9]+)")
        let records = try Self.read(Self.sheets[1], options)
        #expect(records.count == 40)
        #expect(records.allSatisfy { $0.rejection == nil })
        let first = try #require(records.first)
        #expect(first.locator == "row:5")
        #expect(
            first.fields == [
                "name": "Dian S.E", "nik": "3174076005840056", "phone": "085865114153", "kelurahan": "Senayan",
                "kecamatan": "Kebayoran Baru",
            ])
        #expect(first.extras == ["No": "1"])
        #expect(
            first.enrollments == [
                Enrollment(
                    programme: "WUIB", session: "WUIB-TBT-01",
                    attendance: [
                        Attendance(day: "Hari 1", mark: "v", present: true), Attendance(day: "Hari 2", mark: "v", present: true),
                    ])
            ])
        #expect(records.first { $0.locator == "row:10" }?.enrollments.first?.attendance.last == Attendance(day: "Hari 2", mark: "", present: nil))
        #expect(records.first { $0.locator == "row:24" }?.enrollments.first?.attendance.last?.present == false)
        #expect(records.first { $0.locator == "row:23" }?.fields["nik"] == "3,17401E+15")
        #expect(records.first { $0.locator == "row:35" }?.fields["name"] == "NUR\u{2019}AINI LUBIS")
        #expect(records.last?.fields["name"] == "André Sitorus")
        #expect(records.last?.locator == "row:44")
    }

    @Test func fesyenAttendanceSheet() throws {
        let records = try Self.read(Self.sheets[2])
        #expect(records.count == 25)
        let first = try #require(records.first)
        #expect(first.locator == "row:2")
        #expect(first.fields == ["name": "Darmawan Hakim", "nik": "31.74.04.050869.0105", "phone": "0878 8123 073", "kelurahan": "Pejaten Timur"])
        #expect(first.enrollments.first?.attendance.map(\.present) == [true, true])
        #expect(first.enrollments.first?.attendance.first?.mark == "✓")
        #expect(records.first { $0.locator == "row:24" }?.fields["name"] == "")
        #expect(records.first { $0.locator == "row:18" }?.fields["name"] == "Mulyani Setiawati, A.Md.")
    }
}
