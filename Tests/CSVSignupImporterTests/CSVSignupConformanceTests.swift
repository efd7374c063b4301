import CSVSignupImporter
import MusterCore
import MusterTesting
import Testing

@Suite struct CSVSignupConformanceTests {
    @Test func conformsOnSampleAndGeneratedFiles() throws {
        let directory = try TemporaryDirectory("csv-conformance")
        defer { directory.remove() }
        let malformed = try directory.write(
            "malformed.csv",
            Array("Nama,NIK,No HP\nSiti Aminah,3174014207680066,0812-3456-7890,extra\n\"Budi\u{0}\",3174,0813\nAni,\"3174\n".utf8))
        let empty = try directory.write("empty.csv", [])
        let failures = try ImporterConformance(importer: CSVSignupImporter(options: .init())).run(
            valid: RepositoryPaths.sampleFile("sheets/daftar-hadir-WUIB-TBT-01.csv"),
            malformed: SourceFile(path: "fixtures/malformed.csv", absolutePath: malformed),
            empty: SourceFile(path: "fixtures/empty.csv", absolutePath: empty),
            personalValues: ["Siti Aminah", "3174014207680066", "0812-3456-7890", "Budi", "Ani"]
        )
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test(arguments: SampleSheetTests.sheets)
    func everySampleConforms(_ sheet: String) throws {
        let failures = try ImporterConformance(importer: CSVSignupImporter(options: .init()))
            .run(valid: RepositoryPaths.sampleFile(sheet), malformed: nil, empty: nil)
        #expect(failures.isEmpty, "\(failures)")
    }
}
