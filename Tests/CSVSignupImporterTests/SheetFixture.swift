import CSVSignupImporter
import MusterCore
import MusterTesting

/// Writes a generated sheet into a temporary folder and reads it back with the importer.
struct SheetFixture {
    let directory: TemporaryDirectory
    let file: SourceFile

    init(_ name: String = "sheet.csv", bytes: [UInt8]) throws {
        directory = try TemporaryDirectory("csv-signup")
        let absolute = try directory.write(name, bytes)
        file = SourceFile(path: "fixtures/" + name, absolutePath: absolute)
    }

    init(_ name: String = "sheet.csv", _ text: String) throws {
        try self.init(name, bytes: Array(text.utf8))
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
