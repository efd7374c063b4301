import CSVSignupImporter
import Foundation
import MusterCore
import MusterTesting
import Testing

/// csv-spectrum (Tests/Fixtures/corpora): each `csvs/NAME.csv` must read as the objects in
/// `json/NAME.json`. Its headers are no known column names, so the values land in extras.
@Suite struct CSVSpectrumTests {
    static let folder = RepositoryPaths.corpora + "/csv-spectrum"

    /// The 11 cases, listed so that a missing or emptied folder fails every one of them.
    static let names = [
        "comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "newlines", "newlines_crlf",
        "quotes_and_newlines", "simple", "simple_crlf", "utf8",
    ]

    @Test func corpusHoldsExactlyTheListedCases() throws {
        let csvs = try FileManager.default.contentsOfDirectory(atPath: Self.folder + "/csvs").sorted()
        let jsons = try FileManager.default.contentsOfDirectory(atPath: Self.folder + "/json").sorted()
        #expect(csvs == Self.names.map { $0 + ".csv" })
        #expect(jsons == Self.names.map { $0 + ".json" })
    }

    @Test(arguments: names)
    func matchesExpectedJSON(_ name: String) throws {
        let file = SourceFile(path: "csv-spectrum/\(name).csv", absolutePath: "\(Self.folder)/csvs/\(name).csv")
        var records: [SourceRecord] = []
        try CSVSignupImporter(options: .init(headerRow: 1)).read(file, context: ImportContext(sourceID: "spectrum")) { records += $0 }
        let json = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/json/\(name).json"))))
        guard case .array(let objects) = json else {
            Issue.record("\(name).json is not an array")
            return
        }
        let expected: [[String: String]] = objects.map { object in
            guard case .object(let members) = object else { return [:] }
            return Dictionary(members.map { ($0.key, $0.value.scalarText ?? "") }, uniquingKeysWith: { $1 })
        }
        let actual = records.map { $0.fields.dictionary.merging($0.extras) { first, _ in first } }
        #expect(records.allSatisfy { $0.rejection == nil })
        #expect(actual == expected)
    }
}
