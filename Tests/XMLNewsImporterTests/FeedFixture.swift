import MusterCore
import MusterTesting
import XMLNewsImporter

/// Reads generated feeds and repository files with the importer, for the tests.
enum FeedFixture {
    struct Result {
        var records: [SourceRecord]
        var batches: [[SourceRecord]]
        var error: (any Error)?

        var programmes: [SourceRecord] { records.filter { $0.kind == .programme && $0.rejection == nil } }
        var participants: [SourceRecord] { records.filter { $0.kind == .participant && $0.rejection == nil } }
        var rejected: [SourceRecord] { records.filter { $0.rejection != nil } }
        var musterError: MusterError? { error as? MusterError }

        func record(_ locator: String) -> SourceRecord? { records.first { $0.provenance.locator == locator } }

        /// Every field, extras and enrollment value, for leak checks.
        var allValues: [String] {
            var values: [String] = []
            for record in records {
                values += record.fields.map(\.value)
                values += record.extras.values
                values += record.extras.keys
                for enrollment in record.enrollments {
                    values += [enrollment.programme, enrollment.title, enrollment.date].compactMap { $0 }
                }
                values += [record.rejection?.message, record.rejection?.position].compactMap { $0 }
            }
            return values
        }
    }

    static func read(
        _ file: SourceFile,
        options: XMLNewsImporter.Options = .init(),
        batchSize: Int = 512
    ) -> Result {
        var batches: [[SourceRecord]] = []
        do {
            try XMLNewsImporter(options: options).read(file, context: ImportContext(sourceID: "news", batchSize: batchSize)) {
                batches.append($0)
            }
            return Result(records: batches.flatMap { $0 }, batches: batches, error: nil)
        } catch {
            return Result(records: batches.flatMap { $0 }, batches: batches, error: error)
        }
    }

    /// Writes `xml` into a fresh temporary folder and reads it; the provenance path is
    /// `fixtures/NAME`.
    static func read(xml: String, name: String = "feed.xml", options: XMLNewsImporter.Options = .init()) throws -> Result {
        let directory = try TemporaryDirectory("xml-news")
        defer { directory.remove() }
        let path = try directory.write(name, xml)
        return read(SourceFile(path: "fixtures/" + name, absolutePath: path), options: options)
    }

    /// A temporary file for tests that keep it (conformance runs several reads).
    static func file(_ directory: TemporaryDirectory, _ name: String, _ xml: String) throws -> SourceFile {
        SourceFile(path: "fixtures/" + name, absolutePath: try directory.write(name, xml))
    }
}
