import CSVSignupImporter
import Foundation
import MusterCore
import MusterTesting
import Testing

/// csv-spectrum (shared/corpora): each `csvs/NAME.csv` must read as the objects in
/// `json/NAME.json`. Its headers are no known column names, so the values land in extras.
@Suite struct CSVSpectrumTests {
    static let folder = RepositoryPaths.corpora + "/csv-spectrum"

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/csvs")) ?? []
        return files.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test func corpusIsPresent() {
        #expect(Self.names.count == 11)
    }

    @Test(arguments: names)
    func matchesExpectedJSON(_ name: String) throws {
        let file = SourceFile(path: "csv-spectrum/\(name).csv", absolutePath: "\(Self.folder)/csvs/\(name).csv")
        var records: [SourceRecord] = []
        try CSVSignupImporter(options: .init(headerRow: 1)).read(file, context: ImportContext(sourceID: "spectrum")) { records += $0 }
        let json = try JSONParser.parse(Array(FileManager.default.contents(atPath: "\(Self.folder)/json/\(name).json") ?? Data()))
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
