internal import Logging
public import MusterCore

/// Reads news feeds (RSS 2.0 and 0.9x, RSS 1.0/RDF, Atom 1.0 and 0.3): one programme record
/// per item, plus one participant record per row of a participant table in an item's body.
///
/// The feed is streamed with libxml2's pull reader under safe options (no network, no
/// external entities or DTDs, no entity substitution, libxml2's size and depth limits kept),
/// so memory stays bounded by one item. A repeated guid is rejected, not imported twice.
/// A file that is not well-formed XML throws after the items before the fault were emitted.
///
/// `published` holds the item's date in ISO 8601 (RFC 822, W3C-DTF and Indonesian forms are
/// read; the feed's offset is kept) and `extras["publishedRaw"]` the text as written; titles
/// are plain text (HTML titles read by the HTML parser); links resolve against `xml:base`.
/// CDF (`<CHANNEL>`/`<ITEM>`) and namespace-less Atom are read too.
public struct XMLNewsImporter: Importer {
    public static let descriptor = ImporterDescriptor(
        id: "xml-news",
        summary:
            "RSS 2.0/0.9x, RSS 1.0 (RDF) and Atom news feeds: one programme record per item, one participant record per row of a participant table in an item",
        fileTypes: ["xml", "rss", "atom"],
        options: [
            OptionDescriptor(
                "participantTables", type: "boolean", default: "true",
                summary: "Read <table>s in item bodies whose header has a name column (Nama, Nama Peserta, Nama Lengkap) as participant records"
            ),
            OptionDescriptor(
                "maxFieldBytes", type: "integer", default: "\(Options.defaultMaxFieldBytes)",
                summary:
                    "Longest text kept per field, in bytes (\(Options.maxFieldBytesRange.lowerBound)–\(Options.maxFieldBytesRange.upperBound)); longer values are cut"
            ),
        ]
    )

    /// The options the importer was built with.
    public let options: Options

    /// Builds the importer; a `maxFieldBytes` outside 1,024–10,000,000 (possible only when
    /// options are built in code, not decoded) is clamped into that range.
    public init(options: Options) {
        var options = options
        options.maxFieldBytes = min(max(options.maxFieldBytes, Options.maxFieldBytesRange.lowerBound), Options.maxFieldBytesRange.upperBound)
        self.options = options
    }

    /// Streams `file`: a programme record per item, then its participant rows, in batches of
    /// at most `context.batchSize`. Throws `unreadableInput` (location `path:line`) after
    /// emitting every item completed before a fatal XML error.
    public func read(_ file: SourceFile, context: ImportContext, emit: ([SourceRecord]) throws -> Void) throws {
        guard let parser = FeedParser(path: file.absolutePath, maxFieldBytes: options.maxFieldBytes) else {
            throw MusterError(.unreadableInput, "cannot open the feed file", location: file.path)
        }
        var batch = BatchBuffer(capacity: context.batchSize)
        var firstLineOfKey: [String: Int] = [:]
        var truncatedFields = 0
        let fault = try parser.parse { item in
            truncatedFields += item.truncatedFields
            if let firstLine = firstLineOfKey[item.key] {
                try batch.append(repeatedItem(item, firstLine: firstLine, file: file, context: context), emit: emit)
                return
            }
            firstLineOfKey[item.key] = item.line
            for record in records(for: item, file: file, context: context) {
                try batch.append(record, emit: emit)
            }
        }
        try batch.flush(emit: emit)
        if truncatedFields > 0 {
            context.logger.warning("\(file.path): \(truncatedFields) field values longer than \(options.maxFieldBytes) bytes were cut")
        }
        if let fault {
            if parser.itemsSeen == 0, let encoding = EncodingSniffer.utf32(atPath: file.absolutePath) {
                throw MusterError(
                    .unreadableInput, "the feed is encoded in \(encoding), which this libxml2 cannot decode; convert it to UTF-8", location: "\(file.path):1")
            }
            throw MusterError(.unreadableInput, fault.message, location: "\(file.path):\(fault.line)")
        }
    }
}
