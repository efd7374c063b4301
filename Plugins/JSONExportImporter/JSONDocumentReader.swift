import MusterCore

/// Reads one JSON document: parses it whole (a document cannot be split before it is
/// parsed), finds the records array and emits one record per element.
struct JSONDocumentReader {
    let file: SourceFile
    let context: ImportContext
    let mapper: RecordMapper
    /// nil: a top-level array, else the first array among ``JSONExportImporter/recordsCandidates``.
    let recordsPath: JSONPath?

    func read(emit: ([SourceRecord]) throws -> Void) throws {
        let document = try parseDocument()
        let (items, base) = try records(in: document)
        var batch = BatchBuffer(capacity: context.batchSize)
        for (index, element) in items.enumerated() {
            let locator = base.isEmpty ? "$[\(index)]" : "$.\(base)[\(index)]"
            let provenance = context.provenance(file: file, locator: locator, content: CompactJSON.bytes(of: element))
            guard case .object = element else {
                let raw = String(decoding: CompactJSON.bytes(of: element), as: UTF8.self)
                try batch.append(.rejected(provenance, reason: Rejection(message: "record is not an object", position: locator), raw: raw), emit: emit)
                continue
            }
            try batch.append(mapper.record(from: element, provenance: provenance), emit: emit)
        }
        try batch.flush(emit: emit)
    }

    /// The parsed document; the file's bytes are released when this returns.
    private func parseDocument() throws -> JSONValue {
        let bytes = try ChunkedFileReader(file).readAll()
        let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw MusterError(.unreadableInput, "the file is empty; expected a JSON document", location: "\(file.path):1:1")
        }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw MusterError(
                .unreadableInput,
                "not valid JSON: \(error.message) (byte \(error.offset))",
                location: "\(file.path):\(error.line):\(error.column)",
                underlying: error
            )
        }
    }

    /// The records array and its rendered path (empty for a top-level array).
    private func records(in document: JSONValue) throws(MusterError) -> (items: [JSONValue], path: String) {
        if let recordsPath {
            let rendered = recordsPath.description
            let shown = rendered.isEmpty ? "$" : rendered
            guard let value = recordsPath.resolve(in: document) else {
                throw MusterError(.unreadableInput, "records path \"\(shown)\" is not in the document; check the records option", location: file.path)
            }
            guard case .array(let items) = value else {
                throw MusterError(
                    .unreadableInput,
                    "records path \"\(shown)\" holds \(Self.describe(value)), expected an array of records",
                    location: file.path
                )
            }
            return (items, rendered)
        }
        if case .array(let items) = document { return (items, "") }
        for candidate in JSONExportImporter.recordsCandidates {
            if case .array(let items)? = document.value(atPath: candidate) { return (items, candidate) }
        }
        let places = JSONExportImporter.recordsCandidates.joined(separator: ", ")
        throw MusterError(
            .unreadableInput,
            "no records array found: the document is \(Self.describe(document)) with no array at \(places); set the records option",
            location: file.path
        )
    }

    /// What a value is, without its content (which may be personal data).
    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
