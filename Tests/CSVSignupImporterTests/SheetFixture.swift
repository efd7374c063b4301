import CSVSignupImporter
import MusterCore
import MusterTesting

/// Writes a generated sheet into a temporary folder and reads it back with the importer.
struct SheetFixture {
    let directory: TemporaryDirectory
    let file: SourceFile

    init(bytes: [UInt8], name: String = "sheet.csv") throws {
        directory = try TemporaryDirectory("csv-signup")
        let absolute = try directory.write(name, bytes)
        file = SourceFile(path: "fixtures/" + name, absolutePath: absolute)
    }

    init(_ text: String, name: String = "sheet.csv") throws {
        try self.init(bytes: Array(text.utf8), name: name)
    }

    /// All records, in order.
    func records(_ options: CSVSignupImporter.Options = .init(), batchSize: Int = 512) throws -> [SourceRecord] {
        try batches(options, batchSize: batchSize).flatMap { $0 }
    }

    func batches(_ options: CSVSignupImporter.Options = .init(), batchSize: Int = 512) throws -> [[SourceRecord]] {
        defer { directory.remove() }
        var batches: [[SourceRecord]] = []
        let importer = try CSVSignupImporter(options: options)
        try importer.read(file, context: ImportContext(sourceID: "test", batchSize: batchSize)) { batches.append($0) }
        return batches
    }
}

extension SourceRecord {
    var locator: String { provenance.locator }
}
