internal import CLibXML2

/// Streams one feed file through libxml2's pull reader (`xmlTextReader`) and hands each
/// finished `<item>`/`<entry>` to a callback; the document is never held as a tree.
///
/// The class owns the C reader (not `Sendable`: one task uses it, then it is freed).
/// A fatal libxml2 error, a non-feed root or nesting past ``maxDepth`` ends the parse with a
/// ``Fault``; the items delivered before it stay delivered.
final class FeedParser {
    /// Why the parse stopped early: a message without record values, and the line.
    struct Fault: Error {
        var message: String
        var line: Int
    }

    /// Deepest element nesting accepted (libxml2's own limit without XML_PARSE_HUGE).
    static let maxDepth = 256

    let reader: OpaquePointer
    let errors = ParserErrorLog()
    let maxFieldBytes: Int
    var format: FeedVocabulary.Format?
    var item: FeedItem?
    var itemDepth = 0
    /// The open elements below the current item, innermost last.
    var open: [OpenElement] = []
    var itemsSeen = 0

    /// Opens `path`; nil when libxml2 cannot open the file at all.
    init?(path: String, maxFieldBytes: Int) {
        guard LibXML2Environment.ready,
            let reader = xmlReaderForFile(path, nil, LibXML2Environment.readerOptions)
        else { return nil }
        self.reader = reader
        self.maxFieldBytes = maxFieldBytes
        xmlTextReaderSetStructuredErrorHandler(reader, ParserErrorLog.handler, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// Reads the whole file, calling `deliver` with each item in document order. Returns the
    /// fault that stopped it early, or nil; rethrows what `deliver` throws.
    func parse(_ deliver: (FeedItem) throws -> Void) throws -> Fault? {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            if status < 0 { return readerFault() }
            if let fault = try step(deliver) { return fault }
        }
    }

    private func step(_ deliver: (FeedItem) throws -> Void) throws -> Fault? {
        switch Int(xmlTextReaderNodeType(reader)) {
        case Int(XML_READER_TYPE_ELEMENT.rawValue):
            return try startElement(deliver)
        case Int(XML_READER_TYPE_END_ELEMENT.rawValue):
            guard item != nil else { return nil }
            if Int(xmlTextReaderDepth(reader)) == itemDepth {
                try finishItem(deliver)
            } else {
                closeChild()
            }
        case Int(XML_READER_TYPE_TEXT.rawValue), Int(XML_READER_TYPE_CDATA.rawValue),
            Int(XML_READER_TYPE_WHITESPACE.rawValue), Int(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            if item != nil, !open.isEmpty { appendText(xmlTextReaderConstValue(reader)) }
        default:
            // Entity references stay unexpanded (no XML_PARSE_NOENT); comments and
            // processing instructions carry nothing we keep.
            break
        }
        return nil
    }

    private func startElement(_ deliver: (FeedItem) throws -> Void) throws -> Fault? {
        let depth = Int(xmlTextReaderDepth(reader))
        if depth >= Self.maxDepth { return depthFault(line: currentLine) }
        let namespace = Self.string(xmlTextReaderConstNamespaceUri(reader)) ?? ""
        let localName = Self.string(xmlTextReaderConstLocalName(reader)) ?? ""
        let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
        guard let format else {
            guard let format = FeedVocabulary.Format(root: namespace, localName) else {
                let name = Self.string(xmlTextReaderConstName(reader)) ?? localName
                return Fault(message: "the root element <\(name)> is not an RSS (<rss>, <rdf:RDF>) or Atom (<feed>) feed", line: currentLine)
            }
            self.format = format
            return nil
        }
        if item == nil {
            guard format.isItem(namespace, localName) else { return nil }
            itemsSeen += 1
            item = FeedItem(index: itemsSeen, line: currentLine)
            itemDepth = depth
            if isEmpty { try finishItem(deliver) }
            return nil
        }
        openChild(namespace: namespace, localName: localName)
        if isEmpty { closeChild() }
        return nil
    }

    private func finishItem(_ deliver: (FeedItem) throws -> Void) throws {
        guard let finished = item else { return }
        item = nil
        open.removeAll(keepingCapacity: true)
        try deliver(finished)
    }

    /// The fault for a failed `xmlTextReaderRead`, from the first fatal parser message.
    private func readerFault() -> Fault {
        let line: Int
        var message: String
        if let fatal = errors.firstFatal {
            if fatal.message.hasPrefix("Excessive depth") { return depthFault(line: fatal.line) }
            line = fatal.line
            message = "the file is not well-formed XML: \(fatal.message)"
            if fatal.column > 0 { message += " (column \(fatal.column))" }
        } else {
            line = Int(xmlTextReaderGetParserLineNumber(reader))
            message = "the XML reader stopped without a message"
        }
        return Fault(message: message + keptNote(), line: line)
    }

    private func depthFault(line: Int) -> Fault {
        Fault(message: "elements are nested more than \(Self.maxDepth) levels deep; the feed is refused" + keptNote(), line: line)
    }

    /// Tells the operator what was kept, since items before a fault are imported.
    private func keptNote() -> String {
        let delivered = itemsSeen - (item == nil ? 0 : 1)
        var note = delivered == 1 ? "; the 1 item before it was read" : "; the \(delivered) items before it were read"
        if let item { note += ", the item starting on line \(item.line) was not" }
        return note
    }

    /// The line of the node the reader is on (the parser itself may be further ahead).
    var currentLine: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = Int(xmlGetLineNo(node))
            if line > 0 { return line }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
