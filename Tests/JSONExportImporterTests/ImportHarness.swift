import JSONExportImporter
import MusterCore
import MusterTesting

/// Reads files through the importer for tests: all records, or the error it threw.
struct ImportHarness {
    var importer: JSONExportImporter

    init(_ options: JSONExportImporter.Options = .init()) throws {
        importer = try JSONExportImporter(options: options)
    }

    init(_ options: JSONExportImporter.Options = .init(), maximumLineLength: Int) throws {
        importer = try JSONExportImporter(options: options, maximumLineLength: maximumLineLength)
    }

    func records(_ file: SourceFile, batchSize: Int = 512) throws -> [SourceRecord] {
        var records: [SourceRecord] = []
        try importer.read(file, context: ImportContext(sourceID: "test", batchSize: batchSize)) { records += $0 }
        return records
    }

    /// The error reading `file` threw, as MusterError; nil if it read.
    func error(_ file: SourceFile) -> MusterError? {
        do {
            _ = try records(file)
            return nil
        } catch let error as MusterError {
            return error
        } catch {
            return MusterError(.io, "unexpected error type: \(error)")
        }
    }
}

extension TemporaryDirectory {
    /// Writes a fixture and returns it as a source file whose recorded path is `fixtures/NAME`.
    func file(_ name: String, _ text: String) throws -> SourceFile {
        SourceFile(path: "fixtures/" + name, absolutePath: try write(name, text))
    }

    func file(_ name: String, bytes: [UInt8]) throws -> SourceFile {
        SourceFile(path: "fixtures/" + name, absolutePath: try write(name, bytes))
    }
}
