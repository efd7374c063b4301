import Foundation
import MusterCore
import MusterTesting
import Testing
import XMLNewsImporter

/// Every file of the hostile-XML corpus (`Tests/Fixtures/corpora/hostile`, the two big
/// ones written by ``GeneratedHostileFeeds``), read with the production options, against
/// `expectations.json`: refused clearly or parsed harmlessly, quickly, without network.
@Suite struct XMLNewsImporterHostileTests {
    static let folder = RepositoryPaths.corpora + "/hostile"

    @Test func hostileCorpus() throws {
        let expectations = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/expectations.json"))))
        guard case .object(let members) = expectations else {
            Issue.record("expectations.json is not an object")
            return
        }
        let expected = Set(members.map(\.key).filter { $0.hasSuffix(".xml") })
        let generated = try TemporaryDirectory("hostile-xml")
        defer { generated.remove() }
        try GeneratedHostileFeeds.write(into: generated)
        var paths: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder) where name.hasSuffix(".xml") {
            paths[name] = Self.folder + "/" + name
        }
        #expect(paths.count == 4, "vendored hostile files: \(paths.keys.sorted())")
        for name in GeneratedHostileFeeds.names {
            #expect(paths[name] == nil, "\(name) is generated, not vendored")
            paths[name] = generated.path + "/" + name
            // The size the corpus states for the file, where it states one.
            if let stated = expectations[name]?["size_bytes"]?.scalarText {
                let size = try FileManager.default.attributesOfItem(atPath: generated.path + "/" + name)[.size] as? Int
                #expect(size.map(String.init) == stated, "\(name): \(size ?? -1) bytes, the corpus says \(stated)")
            }
        }
        #expect(Set(paths.keys) == expected)
        let files = paths.keys.sorted()

        // external_dtd_http.xml names http://127.0.0.1:8079/…: listen there and count.
        let watcher = try #require(PortWatcher(port: 8079), "port 8079 is busy; the no-network check needs it")
        for name in files {
            let started = ContinuousClock.now
            let result = FeedFixture.read(SourceFile(path: "hostile/" + name, absolutePath: paths[name] ?? ""))
            let elapsed = ContinuousClock.now - started
            #expect(elapsed < .seconds(10), "\(name) took \(elapsed)")
            #expect(!result.allValues.contains { $0.contains("root:") }, "\(name) leaked file content")
            #expect(result.allValues.allSatisfy { $0.utf8.count <= 1_048_576 }, "\(name) kept an oversized value")
            if let error = result.error {
                #expect("\(error)".contains("hostile/\(name):"), "\(name): error does not name the file and line: \(error)")
            }
            switch name {
            case "xxe_file_passwd.xml":
                // Parsed, the entity left unexpanded.
                #expect(result.error == nil)
                #expect(result.records.map { $0.fields[Field.title] } == ["Peserta pelatihan:"])
            case "billion_laughs.xml":
                #expect(result.musterError?.message.contains("Detected an entity reference loop") == true)
                #expect(result.records.isEmpty)
            case "huge_attribute.xml":
                #expect(result.musterError?.code == .unreadableInput)
                #expect(result.records.isEmpty)
            case "deep_nesting_100k.xml":
                #expect(result.musterError?.message.hasPrefix("elements are nested more than 256 levels deep") == true)
                #expect(result.records.isEmpty)
            case "external_dtd_http.xml":
                #expect(result.error == nil)
                #expect(result.records.map { $0.fields[Field.title] } == ["Pendaftaran dibuka"])
            case "invalid_utf8.xml":
                #expect(result.musterError?.location == "hostile/invalid_utf8.xml:8")
                #expect(result.musterError?.message.contains("Input is not proper UTF-8") == true)
                #expect(result.records.isEmpty)
            default:
                Issue.record("no expectation coded for hostile file \(name)")
            }
        }
        #expect(watcher.connections() == 0)
    }
}
