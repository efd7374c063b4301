import JSONExportImporter
import MusterCore
import MusterTesting
import Testing

/// A field given as a JSON array (`"hp": ["0812…", "0813…"]`): an array of scalars is the
/// field's value, its items joined with ` / `; an array of objects is no value and stays in
/// `extras`.
@Suite struct ArrayFieldTests {
    /// One case: the record's JSON, the phone it gives, and its extras.
    struct Case: Sendable, CustomTestStringConvertible {
        var json: String
        var phone: String?
        var extras: [String: String] = [:]

        var testDescription: String { json }
    }

    @Test(arguments: [
        Case(json: #"{"nama": "Siti", "hp": ["0812-1111-2222", "0813 3333 4444"]}"#, phone: "0812-1111-2222 / 0813 3333 4444"),
        Case(json: #"{"nama": "Siti", "hp": [" 0812-1111-2222 ", null, "", "  "]}"#, phone: "0812-1111-2222"),
        Case(json: #"{"nama": "Siti", "hp": [81211112222, "0813"]}"#, phone: "81211112222 / 0813"),
        Case(json: #"{"nama": "Siti", "kontak": {"hp": ["0812", "0813"]}}"#, phone: "0812 / 0813"),
        // An empty array is an empty value: the next path is tried.
        Case(json: #"{"nama": "Siti", "hp": [], "no_hp": "0815"}"#, phone: "0815"),
        Case(json: #"{"nama": "Siti", "hp": [null], "no_hp": "0815"}"#, phone: "0815"),
        // Objects or arrays inside are no value: kept as extras, the next path is tried.
        Case(
            json: #"{"nama": "Siti", "hp": [{"nomor": "0812", "jenis": "wa"}], "no_hp": "0815"}"#, phone: "0815",
            extras: ["hp[0].nomor": "0812", "hp[0].jenis": "wa"]),
        Case(json: #"{"nama": "Siti", "hp": [["0812"], "0813"]}"#, phone: nil, extras: ["hp[0][0]": "0812", "hp[1]": "0813"]),
    ])
    func anArrayOfScalarsIsOneValue(testCase: Case) throws {
        let directory = try TemporaryDirectory("json-array")
        defer { directory.remove() }
        for (name, text) in [("one.json", "[\(testCase.json)]"), ("one.ndjson", testCase.json + "\n")] {
            let record = try #require(try ImportHarness().records(try directory.file(name, text)).first)
            #expect(record.fields[Field.phone] == testCase.phone, "\(name)")
            #expect(record.fields[Field.name] == "Siti")
            #expect(record.extras == testCase.extras, "\(name)")
        }
    }

    @Test func anArrayFeedsAnEnrollmentPartToo() throws {
        let directory = try TemporaryDirectory("json-array")
        defer { directory.remove() }
        let text = #"{"nama": "Siti", "pelatihan": [{"kode": "WUIB-01", "status": ["hadir", "lulus"]}]}"# + "\n"
        let record = try #require(try ImportHarness().records(try directory.file("one.ndjson", text)).first)
        #expect(record.enrollments == [Enrollment(programme: "WUIB-01", status: "hadir / lulus")])
        #expect(record.extras.isEmpty)
    }
}
