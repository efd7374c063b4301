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
        var compact: [UInt8] = []
        let element: DocumentWalker.ElementHandler = { value, raw, locator in
            try batch.append(record(value, raw: raw, locator: locator, compact: &compact), emit: emit)
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

    /// One element as a record. The content hash is over the element's compact form
    /// (``CompactJSON``), taken straight from its bytes when it has no escapes.
    private func record(_ value: JSONValue, raw: ArraySlice<UInt8>, locator: String, compact: inout [UInt8]) -> SourceRecord {
        compact.removeAll(keepingCapacity: true)
        let plain = raw.withUnsafeBufferPointer { CompactJSON.compact(raw: $0, into: &compact) }
        if !plain {
            compact.removeAll(keepingCapacity: true)
            CompactJSON.write(value, into: &compact)
        }
        let provenance = context.provenance(file: file, locator: locator, content: compact)
        guard case .object = value else {
            let text = String(decoding: compact, as: UTF8.self)
            return .rejected(provenance, reason: Rejection(message: "record is not an object", position: locator), raw: text)
        }
        return mapper.record(from: value, provenance: provenance)
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
