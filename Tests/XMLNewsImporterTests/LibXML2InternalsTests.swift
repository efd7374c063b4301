import CLibXML2
import MusterTesting
import Testing

@testable import XMLNewsImporter

/// Fences around what the importer relies on in libxml2 beyond its API, all of it in
/// `LibXML2Internals.swift`: the parser context's `nodeTab`/`nodeNr`/`myDoc`, and the
/// reader's chunked look-ahead that `FeedParser+Salvage.swift` recovers items from. A failure
/// here means a libxml2 update changed one of them; every message says what and where.
@Suite struct LibXML2InternalsTests {
    static let wrapper = "Plugins/XMLNewsImporter/LibXML2Internals.swift"
    static let reverify = "re-verify \(wrapper) (and the salvage path in FeedParser+Salvage.swift that uses it)"

    @Test func theLibraryIsTheVerifiedOne() {
        let verified = Self.dotted(LibXML2Internals.verifiedVersion)
        #expect(
            LibXML2Internals.headerVersion == LibXML2Internals.verifiedVersion,
            "compiled against libxml2 \(Self.dotted(LibXML2Internals.headerVersion)) headers, but \(Self.wrapper) was verified against libxml2 \(verified): \(Self.reverify), then update verifiedVersion there"
        )
        #expect(
            LibXML2Internals.linkedVersion == LibXML2Internals.verifiedVersion,
            "libxml2 \(Self.dotted(LibXML2Internals.linkedVersion)) is loaded at run time, but \(Self.wrapper) was verified against libxml2 \(verified): \(Self.reverify), then update verifiedVersion there"
        )
    }

    /// The reader is at most one chunk ahead of the node it returns, and that chunk's nodes
    /// are already in its tree.
    @Test func theReaderParsesOneChunkAhead() throws {
        let run = try ReaderRun(Self.feed(items: 60))
        defer { run.remove() }
        #expect(run.status == 0)
        let consumed = try #require(run.consumedAtFirstNode)
        #expect(
            consumed > 0 && consumed <= LibXML2Internals.readerChunkBytes,
            "at its first node the reader's parser had consumed \(consumed) bytes, not 1…\(LibXML2Internals.readerChunkBytes): the reader's look-ahead (CHUNK_SIZE in xmlreader.c) changed; \(Self.reverify)"
        )
        #expect(
            run.itemsInTreeAtFirstNode > 0,
            "at its first node the reader had parsed no item ahead: the look-ahead the salvage path recovers from is gone; \(Self.reverify)"
        )
    }

    /// A fatal error in the first chunk: nothing is returned, and the error's parser context
    /// holds the open elements and the partial document with the complete items.
    @Test func aFaultInTheFirstChunkLeavesTheDocumentInTheParserContext() throws {
        let xml = "<rss><channel><item><title>A</title></item><item><title>B</title></item><item><title>C &bad;</title></item></channel></rss>"
        try #require(xml.utf8.count < LibXML2Internals.readerChunkBytes)
        let run = try ReaderRun(xml)
        defer { run.remove() }
        #expect(run.status == -1)
        #expect(
            run.returnedStarts.isEmpty,
            "the reader returned \(run.returnedStarts) before failing in its first chunk; it used to fail at once: \(Self.reverify)"
        )
        let state = try #require(
            run.parser.errors.parserState,
            "the fatal error carried no xmlParserCtxt (ctxt of a parser-domain xmlError): \(Self.reverify)"
        )
        let abandoned = try #require(
            LibXML2Internals.abandonedParse(of: run.parser.reader, noted: state),
            "no partial document (myDoc) after the fault: \(Self.reverify)"
        )
        #expect(abandoned.lastReturned == nil)
        #expect(abandoned.document == state.document)
        #expect(
            abandoned.openElements == state.openElements,
            "the open elements read from nodeTab/nodeNr are not the ones the salvage path uses (they must hold the root): \(Self.reverify)")
        #expect(
            Self.outline(abandoned.document, open: state.openElements) == "rss*(channel*(item(title(A)) item(title(B)) item*(title*(C ))))",
            "the partial document (myDoc) or its open elements (nodeTab/nodeNr, * marks them) changed: \(Self.reverify)"
        )
    }

    /// A fatal error past the first chunk: the reader fails without returning the complete
    /// items parsed ahead of it, which are still in its tree, not freed.
    @Test func aFaultPastTheFirstChunkLeavesTheItemsParsedAhead() throws {
        let run = try ReaderRun(Self.feed(items: 12, then: "<item><title>bad &bad;</title></item>"))
        defer { run.remove() }
        #expect(run.status == -1)
        let state = try #require(run.parser.errors.parserState, "the fatal error carried no xmlParserCtxt: \(Self.reverify)")
        let abandoned = try #require(LibXML2Internals.abandonedParse(of: run.parser.reader, noted: state))
        let last = try #require(abandoned.lastReturned, "the reader kept no current node after failing: \(Self.reverify)")
        #expect(last.pointee.doc == state.document, "the reader's tree is not the parser context's myDoc: \(Self.reverify)")
        let returnedItems = run.returnedStarts.filter { $0 == "item" }.count
        #expect(
            (1..<12).contains(returnedItems),
            "the reader returned \(returnedItems) of the 12 complete items before failing; it used to fail with some parsed ahead and not returned: \(Self.reverify)"
        )
        // Items the reader has left behind may be freed; from the one it is in, all are kept.
        let kept = (max(0, returnedItems - 1)..<12).map { "item(title(Item \(Self.number($0)) padding padding padding))" }
        #expect(
            abandoned.openElements == state.openElements,
            "the open elements read from nodeTab/nodeNr are not the ones the salvage path uses (they must hold the root): \(Self.reverify)")
        let outline = Self.outline(abandoned.document, open: state.openElements)
        #expect(
            outline.hasPrefix("rss*(channel*(") && outline.hasSuffix(kept.joined(separator: " ") + " item*(title*(bad ))))"),
            "the partial tree after the fault changed: \(outline) (* marks the open elements from nodeTab); \(Self.reverify)"
        )
    }

    /// An error inside an internal entity's replacement text is raised by the entity's own
    /// parse context, whose open elements are not the document's; the fallback chain of last
    /// children stands in for them.
    @Test func aFaultInsideAnEntityIsRaisedByItsOwnContext() throws {
        let xml = "<!DOCTYPE rss [<!ENTITY e \"<b>\">]><rss><channel><item><title>A</title></item><item><title>x &e; y</title></item></channel></rss>"
        let run = try ReaderRun(xml)
        defer { run.remove() }
        #expect(run.status == -1)
        let state = try #require(run.parser.errors.parserState, "the fatal error carried no xmlParserCtxt: \(Self.reverify)")
        let document = try #require(state.document, "the entity's parse context had no myDoc: \(Self.reverify)")
        let root = try #require(xmlDocGetRootElement(document))
        #expect(
            !state.openElements.contains(UnsafeMutableRawPointer(root)),
            "the first fatal error inside an entity now reports the document's open elements: the fallback in \(Self.wrapper) may be unneeded; \(Self.reverify)"
        )
        let abandoned = try #require(LibXML2Internals.abandonedParse(of: run.parser.reader, noted: state))
        #expect(
            Self.outline(abandoned.document, open: abandoned.openElements) == "rss*(channel*(item(title(A)) item*(title*(x ))))",
            "the fallback's open elements (* marks them) changed: \(Self.reverify)"
        )
    }

    // MARK: - Helpers

    /// A feed of `items` items of 60 bytes each, then `tail`.
    static func feed(items: Int, then tail: String = "") -> String {
        var xml = "<rss><channel>"
        for index in 0..<items { xml += "<item><title>Item \(number(index)) padding padding padding</title></item>\n" }
        return xml + tail + "</channel></rss>"
    }

    static func number(_ index: Int) -> String { index < 10 ? "0\(index)" : "\(index)" }

    static func dotted(_ version: Int) -> String { "\(version / 10000).\(version / 100 % 100).\(version % 100)" }

    /// The document as `name(children)`, `*` after an element in `open`,
    /// text as it is (whitespace-only text left out), `&name;` for entity references.
    static func outline(_ document: xmlDocPtr, open: Set<UnsafeMutableRawPointer>) -> String {
        func render(_ first: xmlNodePtr?) -> String {
            var parts: [String] = []
            var node = first
            while let current = node {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    let name = String(cString: current.pointee.name)
                    let mark = open.contains(UnsafeMutableRawPointer(current)) ? "*" : ""
                    parts.append(name + mark + "(" + render(current.pointee.children) + ")")
                case XML_TEXT_NODE:
                    let text = current.pointee.content.map { String(cString: $0) } ?? ""
                    if !text.allSatisfy(\.isWhitespace) { parts.append(text) }
                case XML_ENTITY_REF_NODE:
                    parts.append("&" + String(cString: current.pointee.name) + ";")
                default:
                    break
                }
                node = current.pointee.next
            }
            return parts.joined(separator: " ")
        }
        return render(xmlDocGetRootElement(document))
    }
}

/// One feed read by the importer's own reader set-up (`FeedParser`: options, error log)
/// until it ends or fails, noting what the reader returned.
private struct ReaderRun {
    let directory: TemporaryDirectory
    let parser: FeedParser
    var status: Int32 = 1
    /// Element starts the reader returned, in order.
    var returnedStarts: [String] = []
    /// Bytes the parser had consumed when the reader returned its first node.
    var consumedAtFirstNode: Int?
    /// `<item>` elements already in the tree when the reader returned its first node.
    var itemsInTreeAtFirstNode = 0

    init(_ xml: String) throws {
        directory = try TemporaryDirectory("libxml2-internals")
        parser = try #require(FeedParser(path: try directory.write("feed.xml", xml), maxFieldBytes: 1 << 20))
        while true {
            status = xmlTextReaderRead(parser.reader)
            guard status == 1 else { break }
            if consumedAtFirstNode == nil {
                consumedAtFirstNode = Int(xmlTextReaderByteConsumed(parser.reader))
                itemsInTreeAtFirstNode = Self.count("item", in: xmlTextReaderCurrentNode(parser.reader))
            }
            if xmlTextReaderNodeType(parser.reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) {
                returnedStarts.append(String(cString: xmlTextReaderConstLocalName(parser.reader)))
            }
        }
    }

    func remove() { directory.remove() }

    /// Elements named `name` below `node`, depth first.
    private static func count(_ name: String, in node: xmlNodePtr?) -> Int {
        var total = 0
        var child = node?.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name) == name { total += 1 }
            total += count(name, in: current)
            child = current.pointee.next
        }
        return total
    }
}
