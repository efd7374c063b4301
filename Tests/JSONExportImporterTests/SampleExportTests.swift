import ContentHash
import Foundation
import JSONExportImporter
import MusterCore
import MusterTesting
import Testing

/// The real Jakpreneur samples in `samples/exports/`, read with default options.
@Suite struct SampleExportTests {
    let document = RepositoryPaths.sampleFile("exports/jakpreneur-export.json")
    let updates = RepositoryPaths.sampleFile("exports/jakpreneur-updates.ndjson")

    @Test func documentGivesFortyRecordsWithLocators() throws {
        let records = try ImportHarness().records(document)
        #expect(records.count == 40)
        #expect(records.allSatisfy { $0.rejection == nil })
        #expect(records.map(\.provenance.locator) == (0..<40).map { "$.data.items[\($0)]" })
        let first = try #require(records.first)
        #expect(first.fields[Field.externalID] == "JP-2024-00107")
        #expect(first.fields[Field.name] == "IKA KOMARIAH")
        #expect(first.fields[Field.nik] == "3174065004990090")
        #expect(first.fields[Field.phone] == "081513543780")
        #expect(first.fields[Field.email] == nil, "email is null in the sample")
        #expect(first.fields[Field.birthDate] == "1999-04-10")
        #expect(first.fields[Field.gender] == "P")
        #expect(first.fields[Field.kelurahan] == "Pondok Labu")
        #expect(first.fields[Field.kecamatan] == "Cilandak")
        #expect(first.fields[Field.sector] == "Hijab & mukena")
        #expect(first.extras.isEmpty, "every leaf of the sample is mapped: \(first.extras)")
        #expect(first.enrollments == [Enrollment(programme: "FESYEN-PSM-02", title: "Pelatihan WUIB Fesyen Pasar Minggu Angkatan 2", date: "2024-09-10")])
    }

    @Test func numericNIKAndPhoneKeepTheirExactDigits() throws {
        let records = try ImportHarness().records(document)
        #expect(records[4].fields[Field.nik] == "3174026305940103")
        #expect(records[9].fields[Field.nik] == "3174035511920098")
        #expect(records[32].fields[Field.phone] == "81956694484")
        #expect(records[34].fields[Field.nik] == "3174075608800094")
        #expect(records[34].fields[Field.phone] == "8218412179")
        #expect(records[28].fields[Field.phone] == nil, "hp is null")
    }

    @Test func enrollmentsComeFromPelatihan() throws {
        let records = try ImportHarness().records(document)
        #expect(records[3].enrollments.isEmpty, "pelatihan is []")
        #expect(records[33].enrollments.map(\.programme) == ["WUIB-TBT-01", "FESYEN-PSM-02", "HALAL-JS-2024"])
        #expect(records.reduce(0) { $0 + $1.enrollments.count } == 44)
    }

    @Test func updatesSkipTheBlankLineAndRejectTheBrokenOne() throws {
        let records = try ImportHarness().records(updates)
        #expect(records.count == 20, "21 lines, one blank")
        #expect(!records.map(\.provenance.locator).contains("line:9"), "line 9 is blank")
        let rejected = records.filter { $0.rejection != nil }
        #expect(rejected.map(\.provenance.locator) == ["line:15"])
        #expect(rejected.first?.rejection == Rejection(message: "unterminated string", position: "line 15, column 33"))
        let nining = try #require(records.first { $0.provenance.locator == "line:20" })
        #expect(nining.fields[Field.phone] == "+62 852 3545 2092")
        #expect(nining.fields[Field.birthDate] == nil, "tgl_lahir is null")
        #expect(nining.enrollments.map(\.programme) == ["FESYEN-PSM-02"])
        let first = try #require(records.first)
        #expect(first.provenance.locator == "line:1")
        #expect(first.enrollments.map(\.programme) == ["WUIB-TBT-01", "FESYEN-PSM-02"])
    }

    @Test func contentHashIsTheLineItself() throws {
        let records = try ImportHarness().records(updates)
        let lines = try String(contentsOfFile: updates.absolutePath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(records.first?.provenance.contentHash == SHA256.hex(of: String(lines[0])))
    }

    @Test func conformsOnBothSamples() throws {
        let directory = try TemporaryDirectory("json-conformance")
        defer { directory.remove() }
        let personal = ["Rina", "JP-2024-00999", "IKA KOMARIAH", "3174065004990090", "081513543780"]
        let conformance = ImporterConformance(importer: try JSONExportImporter(options: .init()))
        let ndjsonFailures = conformance.run(
            valid: updates,
            malformed: updates,
            empty: try directory.file("empty.ndjson", ""),
            personalValues: personal
        )
        #expect(ndjsonFailures.isEmpty, "\(ndjsonFailures)")
        let jsonFailures = conformance.run(
            valid: document,
            malformed: try directory.file("broken.json", "{\"data\": {\"items\": [{\"nama\": \"Rina\", \"nik\": 3174065004990090,]}}"),
            empty: try directory.file("empty.json", ""),
            personalValues: personal
        )
        #expect(jsonFailures.isEmpty, "\(jsonFailures)")
    }
}
