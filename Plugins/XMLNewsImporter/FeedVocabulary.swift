/// The namespaces and element names the importer understands, matched by namespace URI and
/// local name so that prefixes (`dc:`, `content:`, a default namespace) never matter.
enum FeedVocabulary {
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"

    /// RSS elements: no namespace (RSS 0.9x/2.0), RSS 1.0 and 0.90 (RDF), and the
    /// namespaces some RSS 2.0 feeds declare as their default.
    static let rssNamespaces: Set<String> = [
        "", rss10, rss090, "http://backend.userland.com/rss", "http://backend.userland.com/rss2",
        "http://backend.userland.com/rss2.1", "http://blogs.law.harvard.edu/tech/rss",
    ]
    /// Atom 1.0, Atom 0.3, and the namespaces of Atom's pre-0.3 drafts (Echo, Pie).
    static let atomNamespaces: Set<String> = [
        atom10, atom03, "http://purl.org/echo/", "http://purl.org/pie/", "http://example.com/necho",
        "http://example.com/newformat#",
    ]

    /// The feed's dialect, from its root element; it says which element is an item.
    enum Format {
        case rss, rdf, atom

        init?(root namespace: String, _ localName: String) {
            switch localName {
            case "rss" where rssNamespaces.contains(namespace): self = .rss
            case "RDF" where namespace == FeedVocabulary.rdf: self = .rdf
            case "feed" where atomNamespaces.contains(namespace): self = .atom
            default: return nil
            }
        }

        func isItem(_ namespace: String, _ localName: String) -> Bool {
            switch self {
            case .rss, .rdf: localName == "item" && rssNamespaces.contains(namespace)
            case .atom: localName == "entry" && atomNamespaces.contains(namespace)
            }
        }
    }

    /// An item child the importer maps onto a canonical field.
    enum ItemField: Hashable {
        case guid, atomID, title, rssLink, atomLink, author, category
        /// A date; a lower rank wins when an item has several.
        case published(rank: Int)
        /// A body that can hold HTML; a lower rank wins (content:encoded first).
        case body(rank: Int)

        var isBody: Bool {
            if case .body = self { return true }
            return false
        }
    }

    /// What a direct child of an item is, by namespace and local name.
    enum ChildRole {
        case field(ItemField)
        /// Atom `<author>`: its `<name>` child is the author.
        case atomAuthor
        case unmapped
    }

    static func classify(_ namespace: String, _ localName: String) -> ChildRole {
        if rssNamespaces.contains(namespace) {
            switch localName {
            case "guid": return .field(.guid)
            case "title": return .field(.title)
            case "link": return .field(.rssLink)
            case "pubDate": return .field(.published(rank: 0))
            case "author": return .field(.author)
            case "category": return .field(.category)
            case "description": return .field(.body(rank: 2))
            default: return .unmapped
            }
        }
        if atomNamespaces.contains(namespace) {
            switch localName {
            case "id": return .field(.atomID)
            case "title": return .field(.title)
            case "link": return .field(.atomLink)
            case "published": return .field(.published(rank: 2))
            case "issued": return .field(.published(rank: 3))
            case "created": return .field(.published(rank: 4))
            case "updated": return .field(.published(rank: 5))
            case "modified": return .field(.published(rank: 6))
            case "author": return .atomAuthor
            case "category": return .field(.category)
            case "content": return .field(.body(rank: 1))
            case "summary": return .field(.body(rank: 3))
            default: return .unmapped
            }
        }
        switch (namespace, localName) {
        case (content, "encoded"): return .field(.body(rank: 0))
        case (dc, "creator"): return .field(.author)
        case (dc, "date"): return .field(.published(rank: 1))
        case (dc, "subject"): return .field(.category)
        case (dcterms, "issued"), (dcterms, "created"): return .field(.published(rank: 7))
        case (dcterms, "modified"): return .field(.published(rank: 8))
        default: return .unmapped
        }
    }

    /// How an Atom text construct (or any body) should be read, from its `type` and
    /// Atom 0.3 `mode` attributes. RSS bodies are always HTML.
    static func markup(for field: ItemField, type: String?, mode: String?, namespace: String) -> Markup {
        let type = type?.lowercased()
        if mode == "xml" || type == "xhtml" || type == "application/xhtml+xml" { return .inlineXML }
        guard atomNamespaces.contains(namespace) else {
            if case .body = field { return .html }
            return .plain
        }
        if let type, type == "html" || type.contains("html") { return .html }
        return .plain
    }

    /// How a text value is to be turned into plain text.
    enum Markup {
        /// Plain text already: only whitespace is collapsed.
        case plain
        /// An HTML string (entity-escaped or CDATA in the feed).
        case html
        /// Inline XHTML elements inside the feed, re-serialized as HTML while streaming.
        case inlineXML
    }
}
