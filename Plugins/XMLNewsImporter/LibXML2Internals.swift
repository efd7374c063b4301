internal import CLibXML2

/// Everything the importer relies on that libxml2 does not document as API, in one place.
///
/// - The parser context's own fields (`nodeTab`, `nodeNr`, `myDoc` of `xmlParserCtxt`),
///   reached from a fatal error, say which elements were open and which document was built.
/// - The reader (`xmlTextReader`, xmlreader.c) pushes the file to its parser in
///   ``readerChunkBytes`` chunks, so the parser is up to a chunk ahead of the node the reader
///   returns. When a chunk holds a fatal error, `xmlTextReaderRead` fails at once, without
///   returning the nodes parsed before the error in that chunk; those nodes, and the one it
///   returned last, stay in the partial tree, not freed. `FeedParser.salvage` replays them.
/// - An error inside an internal entity's replacement text is raised by a parser context of
///   its own, whose open elements are not the document's.
///
/// Verified against libxml2 ``verifiedVersion`` (Debian 12: 2.9.14+dfsg-1.3~deb12u6).
/// `LibXML2InternalsTests` checks the version and probes each behaviour above; when it
/// fails, re-verify this file against the new libxml2 before changing `verifiedVersion`.
/// No other file of the importer reads these fields or relies on the look-ahead.
enum LibXML2Internals {
    /// The libxml2 these assumptions were verified against, as `LIBXML_VERSION` spells it.
    static let verifiedVersion = 20914

    /// The libxml2 whose headers this module was compiled with.
    static let headerVersion = Int(LIBXML_VERSION)

    /// The libxml2 loaded at run time (`xmlParserVersion`, a macro over this accessor in a
    /// thread-enabled build), or 0 if it does not read as a number.
    static var linkedVersion: Int {
        guard let version = __xmlParserVersion()?.pointee else { return 0 }
        return Int(String(cString: version)) ?? 0
    }

    /// How many bytes the reader hands its parser at a time (`CHUNK_SIZE` in xmlreader.c):
    /// the parser is at most this far ahead of the node the reader returns.
    static let readerChunkBytes = 512

    /// What the parser had built when a fatal error stopped it.
    struct ParserState {
        /// Elements not yet closed (`nodeTab[0..<nodeNr]`), as raw node pointers.
        var openElements: Set<UnsafeMutableRawPointer>
        /// The partly built document (`myDoc`).
        var document: xmlDocPtr?
    }

    /// The parser's state at `error`, or nil when the error carries no parser context (only
    /// errors of the parser and namespace domains do).
    static func parserState(at error: xmlErrorPtr) -> ParserState? {
        let domain = error.pointee.domain
        guard domain == Int32(XML_FROM_PARSER.rawValue) || domain == Int32(XML_FROM_NAMESPACE.rawValue),
            let context = error.pointee.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self).pointee
        else { return nil }
        var open: Set<UnsafeMutableRawPointer> = []
        if let stack = context.nodeTab {
            for index in 0..<Int(max(0, context.nodeNr)) {
                if let node = stack[index] { open.insert(UnsafeMutableRawPointer(node)) }
            }
        }
        return ParserState(openElements: open, document: context.myDoc)
    }

    /// What a reader leaves behind when `xmlTextReaderRead` has failed at a fatal error.
    struct AbandonedParse {
        /// The partial document: every node parsed before the error, returned or not.
        var document: xmlDocPtr
        /// The node the reader returned last; nil when it failed before returning any.
        var lastReturned: xmlNodePtr?
        /// The elements the parser had not closed; nothing after the last of them was parsed.
        var openElements: Set<UnsafeMutableRawPointer>
    }

    /// The partial parse of `reader`, which has just failed, given the parser state noted at
    /// its first fatal error; nil when there is no document to read.
    static func abandonedParse(of reader: OpaquePointer, noted: ParserState?) -> AbandonedParse? {
        let lastReturned = xmlTextReaderCurrentNode(reader)
        guard let document = noted?.document ?? lastReturned?.pointee.doc else { return nil }
        return AbandonedParse(
            document: document,
            lastReturned: lastReturned,
            openElements: openElements(in: document, noted: noted?.openElements)
        )
    }

    /// The elements the parser had not closed: the ones noted at the error, when they include
    /// the root element; otherwise (an error inside an entity's own parse context) the chain
    /// of last element children from the root, which holds every open element and at worst
    /// also one just closed.
    private static func openElements(in document: xmlDocPtr, noted: Set<UnsafeMutableRawPointer>?) -> Set<UnsafeMutableRawPointer> {
        guard let root = xmlDocGetRootElement(document) else { return [] }
        if let noted, noted.contains(UnsafeMutableRawPointer(root)) { return noted }
        var chain: Set<UnsafeMutableRawPointer> = []
        var element: xmlNodePtr? = root
        while let current = element {
            chain.insert(UnsafeMutableRawPointer(current))
            element = current.pointee.last.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? $0 : nil }
        }
        return chain
    }
}
