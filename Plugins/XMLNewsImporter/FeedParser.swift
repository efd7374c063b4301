internal import CLibXML2

/// Streams one feed file through libxml2's pull reader (`xmlTextReader`) and hands each
/// finished `<item>`/`<entry>` to a callback; the document is never held as a tree.
///
/// The class owns the C reader (not `Sendable`: one task uses it, then it is freed).
/// A fatal libxml2 error, a non-feed root or nesting past ``maxDepth`` ends the parse with a
/// ``Fault``; the items completed before it are still delivered (see `salvage`).
final class FeedParser {
    /// Why the parse stopped early: a message without record values, and the line.
    struct Fault: Error {
        var message: String
        var line: Int
    }

    /// One element start, from the reader or from the salvage replay.
    struct ElementStart {
        var depth: Int
        var namespace: String
        var localName: String
        var qualifiedName: String
        var isEmpty: Bool
        var line: Int
        /// The element's own `xml:base`, if it has one.
        var base: String? = nil
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
    /// Whether the last node taken from the reader was a start tag whose content follows.
    var lastWasOpenStart = false
    var lastDepth = 0
    /// The `xml:base` URIs in scope, innermost last, each resolved and with its element's depth.
    var bases: [(depth: Int, uri: String)] = []

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
            if status < 0 {
                if let fault = try salvage(deliver) { return fault }
                return readerFault()
            }
            if let fault = try step(deliver) { return fault }
        }
    }

    private func step(_ deliver: (FeedItem) throws -> Void) throws -> Fault? {
        lastDepth = Int(xmlTextReaderDepth(reader))
        lastWasOpenStart = false
        switch Int(xmlTextReaderNodeType(reader)) {
        case Int(XML_READER_TYPE_ELEMENT.rawValue):
            let start = ElementStart(
                depth: lastDepth,
                namespace: Self.string(xmlTextReaderConstNamespaceUri(reader)) ?? "",
                localName: Self.string(xmlTextReaderConstLocalName(reader)) ?? "",
                qualifiedName: Self.string(xmlTextReaderConstName(reader)) ?? "",
                isEmpty: xmlTextReaderIsEmptyElement(reader) == 1,
                line: currentLine,
                base: xmlTextReaderHasAttributes(reader) == 1 ? xmlTextReaderCurrentNode(reader).flatMap(Self.xmlBase) : nil
            )
            lastWasOpenStart = !start.isEmpty
            return try startElement(start, attributes: readerAttributes, deliver)
        case Int(XML_READER_TYPE_END_ELEMENT.rawValue):
            try endElement(depth: lastDepth, deliver)
        case Int(XML_READER_TYPE_TEXT.rawValue), Int(XML_READER_TYPE_CDATA.rawValue),
            Int(XML_READER_TYPE_WHITESPACE.rawValue), Int(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            appendText(xmlTextReaderConstValue(reader))
        case Int(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            appendInternalEntity(xmlTextReaderCurrentNode(reader))
        default:
            // Comments and processing instructions carry nothing we keep.
            break
        }
        return nil
    }

    func startElement(_ start: ElementStart, attributes: () -> [Attribute], _ deliver: (FeedItem) throws -> Void) throws -> Fault? {
        if start.depth >= Self.maxDepth { return depthFault(line: start.line) }
        if let base = start.base {
            let uri = resolved(base)
            if start.isEmpty {
                // Only the element's own attributes see it.
                bases.append((start.depth, uri))
                defer { bases.removeLast() }
                return try startElementInScope(start, attributes: attributes, deliver)
            }
            bases.append((start.depth, uri))
        }
        return try startElementInScope(start, attributes: attributes, deliver)
    }

    private func startElementInScope(_ start: ElementStart, attributes: () -> [Attribute], _ deliver: (FeedItem) throws -> Void) throws -> Fault? {
        guard let format else {
            guard let format = FeedVocabulary.Format(root: start.namespace, start.localName) else {
                return Fault(message: "the root element <\(start.qualifiedName)> is not an RSS (<rss>, <rdf:RDF>) or Atom (<feed>) feed", line: start.line)
            }
            self.format = format
            return nil
        }
        if item == nil {
            guard format.isItem(start.namespace, start.localName) else { return nil }
            itemsSeen += 1
            item = FeedItem(index: itemsSeen, line: start.line)
            itemDepth = start.depth
            if format == .rdf || format == .cdf { readItemAttributes(attributes()) }
            if start.isEmpty { try finishItem(deliver) }
            return nil
        }
        openChild(start, attributes: attributes)
        if start.isEmpty { closeChild() }
        return nil
    }

    func endElement(depth: Int, _ deliver: (FeedItem) throws -> Void) throws {
        while let last = bases.last, last.depth >= depth { bases.removeLast() }
        guard item != nil else { return }
        if depth == itemDepth {
            try finishItem(deliver)
        } else {
            closeChild()
        }
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
            message = "the XML reader stopped without a parser message (often an encoding it cannot decode, such as UTF-32)"
        }
        return Fault(message: message + keptNote(), line: line)
    }

    private func depthFault(line: Int) -> Fault {
        Fault(message: "elements are nested more than \(Self.maxDepth) levels deep; the feed is refused" + keptNote(), line: line)
    }

    /// Tells the operator what was kept, since items before a fault are imported.
    private func keptNote() -> String {
        let delivered = itemsSeen - (item == nil ? 0 : 1)
        var note =
            switch delivered {
            case 0: "; no item before it was read"
            case 1: "; 1 item before it was read"
            default: "; \(delivered) items before it were read"
            }
        if let item { note += "; the item starting on line \(item.line) is incomplete and was not read" }
        return note
    }

    /// The line of the node the reader is on (the parser itself may be further ahead).
    private var currentLine: Int {
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
