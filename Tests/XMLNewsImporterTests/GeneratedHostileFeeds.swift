import MusterTesting

/// The two hostile feeds that are almost all repetition, written at test time rather than
/// kept in the repository (12 MB and 700 KB): byte for byte the corpus's own files, so
/// the hostile test reads exactly what the corpus's `expectations.json` describes.
enum GeneratedHostileFeeds {
    /// One attribute value (an enclosure URL) of 12,000,024 bytes: over libxml2's 10 MB limit.
    static let hugeAttribute = "huge_attribute.xml"
    /// 100,000 nested `<x>` elements inside one item: far past libxml2's depth limit of 256.
    static let deepNesting = "deep_nesting_100k.xml"

    static let names = [deepNesting, hugeAttribute]

    /// Writes both files into `directory`.
    static func write(into directory: TemporaryDirectory) throws {
        let url = Array(#"<enclosure type="image/jpeg" length="1" url="https://example.invalid/"#.utf8)
        try directory.write(
            hugeAttribute,
            feed(
                description: "One attribute value of 12,000,000 bytes", title: "Huge attribute", guid: "hostile-huge-attribute-1",
                body: url + [UInt8](repeating: UInt8(ascii: "A"), count: 12_000_000) + Array(#""/>"#.utf8)
            )
        )
        let depth = 100_000
        try directory.write(
            deepNesting,
            feed(
                description: "100,000 nested elements inside one item", title: "Deep nesting", guid: "hostile-deep-nesting-1",
                body: Array(String(repeating: "<x>", count: depth).utf8) + Array(String(repeating: "</x>", count: depth).utf8)
            )
        )
    }

    /// An RSS 2.0 feed of one item whose last child is `body`, laid out as the corpus's
    /// hand-written hostile feeds are.
    private static func feed(description: String, title: String, guid: String, body: [UInt8]) -> [UInt8] {
        let head = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0">
              <channel>
                <title>Hostile feed</title>
                <link>https://example.invalid/</link>
                <description>\(description)</description>
                <item>
                  <title>\(title)</title>
                  <guid isPermaLink="false">\(guid)</guid>
            """
        let tail = """
                </item>
              </channel>
            </rss>
            """
        return Array((head + "\n      ").utf8) + body + Array(("\n" + tail + "\n").utf8)
    }
}
