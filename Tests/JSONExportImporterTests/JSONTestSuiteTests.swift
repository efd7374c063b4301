import Foundation
import JSONExportImporter
import MusterCore
import MusterTesting
import Testing

private let jsonTestSuiteFolder = RepositoryPaths.corpora + "/jsontestsuite/test_parsing"

/// A pass over JSONTestSuite's parsing cases (`jsontestsuite/test_parsing` of the corpora
/// under Tests/Fixtures): `y_` files must parse, `n_` files must be refused, `i_` files may
/// go either way; none may crash. Through the importer, a refused document is an error
/// naming the file.
@Suite struct JSONTestSuiteTests {
    static let folder = jsonTestSuiteFolder

    /// The parsing cases; a missing folder is an error, never an empty list.
    static func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
    }

    func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + name)))
    }

    @Test func parserAcceptsYAndRefusesN() throws {
        var wrong: [String] = []
        var counts = (y: 0, n: 0, i: 0)
        for name in try Self.files() {
            let input = try bytes(name)
            let accepted = (try? JSONParser.parse(input)) != nil
            switch name.first {
            case "y":
                counts.y += 1
                if !accepted { wrong.append("\(name): refused") }
            case "n":
                counts.n += 1
                if accepted { wrong.append("\(name): accepted") }
            default: counts.i += 1
            }
        }
        #expect(counts == (y: 95, n: 188, i: 35), "the corpus looks incomplete: \(counts)")
        #expect(wrong.isEmpty, "JSONParser disagrees with JSONTestSuite on: \(wrong)")
    }

    @Test(arguments: [
        "y_array_heterogeneous.json", "y_array_empty.json", "y_array_with_several_null.json", "y_string_in_array.json",
        "y_structure_whitespace_array.json", "i_structure_500_nested_arrays.json",
        "n_array_extra_comma.json", "n_structure_100000_opening_arrays.json", "n_string_unescaped_newline.json",
        "n_structure_open_array_object.json", "n_array_unclosed.json", "n_single_space.json",
    ])
    func importerReadsTheDocument(name: String) throws {
        let file = SourceFile(path: "jsontestsuite/" + name, absolutePath: Self.folder + "/" + name)
        let harness = try ImportHarness(.init(format: .json, records: "$"))
        if name.hasPrefix("n_") {
            let error = try #require(harness.error(file))
            #expect(error.code == .unreadableInput)
            #expect(error.location?.hasPrefix(file.path + ":") == true, "\(error)")
        } else {
            let records = try harness.records(file)
            let expected = try JSONParser.parse(try bytes(name))
            guard case .array(let items) = expected else {
                Issue.record("\(name) is not an array")
                return
            }
            #expect(records.count == items.count)
            #expect(records.map(\.provenance.locator) == items.indices.map { "$[\($0)]" })
        }
    }
}
