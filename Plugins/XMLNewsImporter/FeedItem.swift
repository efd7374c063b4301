/// One `<item>` or `<entry>` as the feed parser collected it, before it becomes records.
struct FeedItem {
    /// A body candidate (content:encoded, Atom content, description, summary) as read.
    struct Body {
        var raw: String
        var markup: FeedVocabulary.Markup
    }

    /// 1-based position among the feed's items.
    var index: Int
    /// Line of the item's start tag.
    var line: Int
    var guid: String?
    var atomID: String?
    var title: String?
    var rssLink: String?
    var atomLink: String?
    /// The best-ranked date so far (pubDate before dc:date before published …).
    var published: (rank: Int, value: String)?
    var authors: [String] = []
    var categories: [String] = []
    /// The best-ranked non-empty body so far (content:encoded before Atom content …).
    var body: (rank: Int, value: Body)?
    var extras: [String: String] = [:]
    /// Field values cut at the size cap.
    var truncatedFields = 0

    init(index: Int, line: Int) {
        self.index = index
        self.line = line
    }

    /// The item's identity: guid, else Atom id, else link.
    var identifier: String? { guid ?? atomID ?? link }

    var link: String? { rssLink ?? atomLink }

    /// The locator key: the identifier, or `index:N` when the item has none.
    var key: String { identifier ?? "index:\(index)" }

    /// Stores a finished child's value; empty values are ignored, the first of a kind wins
    /// (or the best-ranked for dates and bodies); authors and categories accumulate.
    mutating func store(_ field: FeedVocabulary.ItemField, _ value: String, markup: FeedVocabulary.Markup) {
        guard !value.isEmpty else { return }
        switch field {
        case .guid: if guid == nil { guid = value }
        case .atomID: if atomID == nil { atomID = value }
        case .title: if title == nil { title = value }
        case .rssLink: if rssLink == nil { rssLink = value }
        case .atomLink: if atomLink == nil { atomLink = value }
        case .author: authors.append(value)
        case .category: categories.append(value)
        case .published(let rank):
            if rank < published?.rank ?? Int.max { published = (rank, value) }
        case .body(let rank):
            if rank < body?.rank ?? Int.max { body = (rank, Body(raw: value, markup: markup)) }
        }
    }

    /// Adds an unmapped value under `key`, joining repeats with "; " so nothing is lost.
    mutating func addExtra(_ key: String, _ value: String) {
        guard !value.isEmpty else { return }
        if let existing = extras[key] {
            extras[key] = existing + "; " + value
        } else {
            extras[key] = value
        }
    }
}
