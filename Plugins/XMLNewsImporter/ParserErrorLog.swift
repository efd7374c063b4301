internal import CLibXML2

/// Collects the messages libxml2 reports for one reader, so a fatal error can be turned into
/// a ``MusterCore/MusterError`` with its line instead of being printed to stderr.
///
/// Installed per reader with `xmlTextReaderSetStructuredErrorHandler`; libxml2 calls it on
/// the thread that is reading, so no locking is needed. Only the first line of a message is
/// kept (libxml2 sometimes appends the offending bytes on a second line).
///
/// At the first fatal error it also notes the parser's state (which elements were still open,
/// the partly built document; see ``LibXML2Internals``), which lets ``FeedParser`` still
/// deliver the items that were complete before the fault.
final class ParserErrorLog {
    struct Entry {
        var message: String
        var line: Int
        var column: Int
    }

    /// The first fatal error: the one that stopped the parser.
    private(set) var firstFatal: Entry?
    /// The parser's state at the first fatal error (nil if unknown).
    private(set) var parserState: LibXML2Internals.ParserState?

    func record(_ error: xmlErrorPtr) {
        guard firstFatal == nil, error.pointee.level == XML_ERR_FATAL else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "unknown parser error"
        if let newline = message.firstIndex(of: "\n") { message = String(message[..<newline]) }
        firstFatal = Entry(message: message, line: Int(error.pointee.line), column: Int(error.pointee.int2))
        parserState = LibXML2Internals.parserState(at: error)
    }

    /// The C callback: `context` is an unretained pointer to the log, kept alive by the
    /// reader's owner for as long as the reader exists.
    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<ParserErrorLog>.fromOpaque(context).takeUnretainedValue().record(error)
    }
}
