internal import CLibXML2

/// Collects the messages libxml2 reports for one reader, so a fatal error can be turned into
/// a ``MusterCore/MusterError`` with its line instead of being printed to stderr.
///
/// Installed per reader with `xmlTextReaderSetStructuredErrorHandler`; libxml2 calls it on
/// the thread that is reading, so no locking is needed. Only the first line of a message is
/// kept (libxml2 sometimes appends the offending bytes on a second line).
///
/// At the first fatal error it also notes which elements the parser still had open and the
/// partly built document: the reader gives up on the whole chunk it was parsing, and these
/// let ``FeedParser`` still deliver the items that were complete before the fault.
final class ParserErrorLog {
    struct Entry {
        var message: String
        var line: Int
        var column: Int
    }

    /// The first fatal error: the one that stopped the parser.
    private(set) var firstFatal: Entry?
    /// Elements not yet closed when the first fatal error was raised (nil if unknown).
    private(set) var openElements: Set<UnsafeMutableRawPointer>?
    private(set) var document: xmlDocPtr?

    func record(_ error: xmlErrorPtr) {
        guard firstFatal == nil, error.pointee.level == XML_ERR_FATAL else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "unknown parser error"
        if let newline = message.firstIndex(of: "\n") { message = String(message[..<newline]) }
        firstFatal = Entry(message: message, line: Int(error.pointee.line), column: Int(error.pointee.int2))
        // Parser-domain errors carry their xmlParserCtxt.
        let domain = error.pointee.domain
        if domain == Int32(XML_FROM_PARSER.rawValue) || domain == Int32(XML_FROM_NAMESPACE.rawValue),
            let context = error.pointee.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self).pointee
        {
            var open: Set<UnsafeMutableRawPointer> = []
            if let stack = context.nodeTab {
                for index in 0..<Int(max(0, context.nodeNr)) {
                    if let node = stack[index] { open.insert(UnsafeMutableRawPointer(node)) }
                }
            }
            openElements = open
            document = context.myDoc
        }
    }

    /// The C callback: `context` is an unretained pointer to the log, kept alive by the
    /// reader's owner for as long as the reader exists.
    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<ParserErrorLog>.fromOpaque(context).takeUnretainedValue().record(error)
    }
}
