internal import CLibXML2

/// The process-wide libxml2 set-up the importer relies on, done exactly once.
///
/// libxml2's entity loader is a process global (shared with FoundationXML in the same
/// process), so it is installed from a `static let` initializer, which Swift runs once and
/// thread-safely. The loader refuses every URL: feeds may name external DTDs and entities
/// (`file:///etc/passwd`, `http://…`), and none of them is ever opened, whatever the
/// parser options. `xmlInitParser()` must run before libxml2 is used from several threads.
enum LibXML2Environment {
    /// Touch this before creating any libxml2 reader or parser.
    static let ready: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    /// Options for the feed reader: never fetch from the network, deliver CDATA as text,
    /// keep line numbers above 65,535. Deliberately absent: NOENT (entity substitution),
    /// DTDLOAD, DTDATTR, DTDVALID (loading DTDs) and HUGE (lifting the size and depth limits).
    static let readerOptions: Int32 = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue
    )

    /// Options for the HTML parser that reads item bodies: recover from broken markup,
    /// never touch the network, stay silent (item HTML is often sloppy; that is not an error).
    static let htmlOptions: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue
    )
}
