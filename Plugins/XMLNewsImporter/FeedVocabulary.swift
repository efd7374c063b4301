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
    static let itunes = "http://www.itunes.com/DTDs/Podcast-1.0.dtd"
    static let media = "http://search.yahoo.com/mrss/"
    static let xml = "http://www.w3.org/XML/1998/namespace"

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
        /// Microsoft's Channel Definition Format (1997): `<CHANNEL>` holding `<ITEM HREF=…>`.
        case cdf

        /// A namespace-less `<feed>` is read as Atom, as feedparser does.
        init?(root namespace: String, _ localName: String) {
            switch localName {
            case "rss" where rssNamespaces.contains(namespace): self = .rss
            case "RDF" where namespace == FeedVocabulary.rdf: self = .rdf
            case "feed" where namespace.isEmpty || atomNamespaces.contains(namespace): self = .atom
            case "CHANNEL" where namespace.isEmpty: self = .cdf
            default: return nil
            }
        }

        /// Atom feeds sometimes hold RSS-style `<item>`s; feedparser reads them as entries.
        func isItem(_ namespace: String, _ localName: String) -> Bool {
            switch self {
            case .rss, .rdf: localName == "item" && rssNamespaces.contains(namespace)
            case .atom: (localName == "entry" || localName == "item") && (namespace.isEmpty || atomNamespaces.contains(namespace))
            case .cdf: localName == "ITEM" && namespace.isEmpty
            }
        }

        /// The namespace whose vocabulary applies to namespace-less item children.
        var defaultNamespace: String {
            switch self {
            case .rss, .rdf, .cdf: ""
            case .atom: FeedVocabulary.atom10
            }
        }
    }

    /// An item child the importer maps onto a canonical field.
    enum ItemField: Hashable {
        case guid, atomID, rssLink, atomLink, author, category
        /// `<title>` (rank 0), `dc:title` (1), `media:title` (2): a lower rank wins.
        case title(rank: Int)
        /// `itunes:author`: used only when the item names no other author.
        case fallbackAuthor
        /// A date; a lower rank wins when an item has several.
        case published(rank: Int)
        /// A body that can hold HTML; a lower rank wins (content:encoded first).
        case body(rank: Int)
    }

    /// What a direct child of an item is, by namespace and local name.
    enum ChildRole {
        case field(ItemField)
        /// Atom `<author>`: its `<name>` child is the author.
        case atomAuthor
        case unmapped
    }

    static func classify(_ namespace: String, _ localName: String, format: Format?) -> ChildRole {
        if format == .cdf, namespace.isEmpty {
            switch localName.lowercased() {
            case "title": return .field(.title(rank: 0))
            case "abstract": return .field(.body(rank: 2))
            default: return .unmapped
            }
        }
        let namespace = namespace.isEmpty ? format?.defaultNamespace ?? "" : namespace
        if rssNamespaces.contains(namespace) {
            switch localName {
            case "guid": return .field(.guid)
            case "title": return .field(.title(rank: 0))
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
            case "title": return .field(.title(rank: 0))
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
        case (dc, "creator"), (dc, "author"): return .field(.author)
        case (dc, "title"): return .field(.title(rank: 1))
        case (media, "title"): return .field(.title(rank: 2))
        case (itunes, "author"): return .field(.fallbackAuthor)
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
            if case .title = field { return .textOrHTML }
            return .plain
        }
        if let type, type == "html" || type.contains("html") { return .html }
        return .plain
    }

    /// True for an Atom 0.3 `mode="base64"` value, or Atom 1.0 content whose type is a MIME
    /// type that is neither text nor XML (RFC 4287 §4.1.3.3: it is then base64).
    static func isBase64(type: String?, mode: String?, namespace: String) -> Bool {
        if mode == "base64" { return true }
        guard namespace == atom10, let type = type?.lowercased(), type.contains("/") else { return false }
        return !type.hasPrefix("text/") && !type.hasSuffix("+xml") && !type.hasSuffix("/xml")
    }

    /// How a text value is to be turned into plain text.
    enum Markup {
        /// Plain text already: only whitespace is collapsed.
        case plain
        /// Text that may hold entity-escaped HTML (an RSS title): read as HTML when it has a
        /// closing or self-closing tag or an entity reference, else as plain text.
        case textOrHTML
        /// An HTML string (entity-escaped or CDATA in the feed).
        case html
        /// Inline XHTML elements inside the feed, re-serialized as HTML while streaming.
        case inlineXML
    }
}
