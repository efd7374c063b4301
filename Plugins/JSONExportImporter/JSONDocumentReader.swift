internal import ContentHash
import MusterCore

/// Reads one JSON document as a stream: ``DocumentWalker`` checks the whole document and
/// hands over the elements of the records array one at a time, so memory holds one record
/// and one 64 KiB chunk whatever the file's size.
///
/// A syntax error stops the file where it is found (the records before it have been
/// emitted) with the file, line, column and byte offset. In `auto` mode an array at a
/// lower-priority path (`items`) met before a top-level key that could still hold a better
/// one (`data`) is read again from its offset once the walk has ruled that out; a repeated
/// key counts at its first occurrence.
struct JSONDocumentReader {
    let file: SourceFile
    let context: ImportContext
    let mapper: RecordMapper
    /// nil: a top-level array, else the first array among ``JSONExportImporter/recordsCandidates``.
    let recordsPath: JSONPath?
    /// The most bytes one value (a record) may take.
    let maximumValueBytes: Int

    func read(emit: ([SourceRecord]) throws -> Void) throws {
        var batch = BatchBuffer(capacity: context.batchSize)
        var scratch = RecordMapper.Scratch()
        // Captured one by one: a method call on `self` would copy the whole reader per record.
        let (file, context, mapper) = (file, context, mapper)
        let element: DocumentWalker.ElementHandler = { tape, locator in
            try batch.append(Self.record(tape, locator: locator, file: file, context: context, mapper: mapper, scratch: &scratch), emit: emit)
        }
        let reader = try ChunkedFileReader(file)
        var walker = DocumentWalker(window: ByteWindow(reader), target: target, maximumValueBytes: maximumValueBytes)
        let outcome: DocumentWalker.Outcome?
        do {
            outcome = try walker.walk(element)
        } catch let error as JSONSyntaxError {
            try batch.flush(emit: emit)
            throw MusterError(
                .unreadableInput, "not valid JSON: \(error.message) (byte \(error.offset))",
                location: "\(file.path):\(error.line):\(error.column)", underlying: error)
        }
        switch outcome {
        case nil:
            throw MusterError(.unreadableInput, "the file is empty; expected a JSON document", location: "\(file.path):1:1")
        case .records?:
            break
        case .deferred(let deferred)?:
            try reader.seek(to: deferred.offset)
            let window = ByteWindow(reader, offset: deferred.offset, lines: deferred.lines, lastNewline: deferred.lastNewline)
            var again = DocumentWalker(window: window, target: target, maximumValueBytes: maximumValueBytes)
            try again.readRecords(at: deferred, element)
        case .none(let root, let holds)?:
            throw missingRecords(root: root, holds: holds)
        }
        try batch.flush(emit: emit)
    }

    private var target: DocumentWalker.Target {
        if let recordsPath { return .path(recordsPath.components) }
        return .candidates(JSONExportImporter.recordsCandidates.compactMap { JSONPath($0)?.components })
    }

    /// One element as a record. The content hash is over the element's compact form, so
    /// the same record gives the same hash however the export was indented.
    private static func record(
        _ tape: RecordTape, locator: String, file: SourceFile, context: ImportContext, mapper: RecordMapper, scratch: inout RecordMapper.Scratch
    ) -> SourceRecord {
        let provenance = context.provenance(file: file, locator: locator, content: tape.compact.bytes)
        guard tape.root.kind == .object else {
            let text = String(decoding: tape.compact.bytes, as: UTF8.self)
            return .rejected(provenance, reason: Rejection(message: "record is not an object", position: locator), raw: text)
        }
        return mapper.record(from: tape, provenance: provenance, scratch: &scratch)
    }

    private func missingRecords(root: String, holds: String?) -> MusterError {
        if let recordsPath {
            let rendered = recordsPath.description
            let shown = rendered.isEmpty ? "$" : rendered
            if let holds {
                return MusterError(
                    .unreadableInput, "records path \"\(shown)\" holds \(holds), expected an array of records", location: file.path)
            }
            return MusterError(.unreadableInput, "records path \"\(shown)\" is not in the document; check the records option", location: file.path)
        }
        let places = JSONExportImporter.recordsCandidates.joined(separator: ", ")
        return MusterError(
            .unreadableInput, "no records array found: the document is \(root) with no array at \(places); set the records option",
            location: file.path)
    }
}
