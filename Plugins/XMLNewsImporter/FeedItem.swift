internal import MusterCore

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
    /// False when the RSS guid says `isPermaLink="false"`.
    var guidIsPermaLink = true
    var atomID: String?
    /// RSS 1.0 `rdf:about`: the item's URI.
    var about: String?
    /// The best-ranked title so far (title before dc:title before media:title).
    var title: (rank: Int, value: String)?
    var rssLink: String?
    var atomLink: String?
    /// The best-ranked date so far (pubDate before dc:date before published …); among dates
    /// of the same rank the last wins, as in feedparser.
    var published: (rank: Int, value: String)?
    var authors: [String] = []
    /// `itunes:author`, used when there is no other author.
    var fallbackAuthor: String?
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

    /// The item's identity: guid, else Atom id, else rdf:about, else link.
    var identifier: String? { guid ?? atomID ?? about ?? link }

    /// The link, else a permalink guid (an RSS guid is a permalink unless it says otherwise).
    var link: String? {
        if let link = rssLink ?? atomLink { return link }
        guard guidIsPermaLink, let guid, guid.hasPrefix("http://") || guid.hasPrefix("https://") else { return nil }
        return guid
    }

    var author: String? { authors.isEmpty ? fallbackAuthor : authors.joined(separator: "; ") }

    /// The locator key: the identifier, or `index:N` when the item has none.
    var key: String { identifier ?? "index:\(index)" }

    /// Stores a finished child's value; empty values are ignored, the first of a kind wins
    /// (or the best-ranked for titles, dates and bodies); authors and categories accumulate.
    mutating func store(_ field: FeedVocabulary.ItemField, _ value: String, markup: FeedVocabulary.Markup) {
        guard !value.isEmpty else { return }
        switch field {
        case .guid: if guid == nil { guid = value }
        case .atomID: if atomID == nil { atomID = value }
        case .title(let rank):
            if rank < title?.rank ?? Int.max { title = (rank, value) }
        case .rssLink: if rssLink == nil { rssLink = value }
        case .atomLink: if atomLink == nil { atomLink = value }
        case .author:
            let (name, email) = Self.splitAuthor(value)
            authors.append(name)
            if let email { addExtra("author/email", email) }
        case .fallbackAuthor: if fallbackAuthor == nil { fallbackAuthor = Self.splitAuthor(value).name }
        case .category: categories.append(value)
        case .published(let rank):
            if rank <= published?.rank ?? Int.max { published = (rank, value) }
        case .body(let rank):
            if rank < body?.rank ?? Int.max { body = (rank, Body(raw: value, markup: markup)) }
        }
    }

    /// An RSS author as name and e-mail: `Name (me@example.com)`, `Name <me@example.com>`,
    /// `me@example.com (Name)`; anything else is all name.
    static func splitAuthor(_ value: String) -> (name: String, email: String?) {
        var outer = Substring(value)
        var inner: Substring
        if value.hasSuffix(")"), let open = value.lastIndex(of: "(") {
            inner = value[value.index(after: open)..<value.index(before: value.endIndex)]
            outer = value[..<open]
        } else if value.hasSuffix(">"), let open = value.lastIndex(of: "<") {
            inner = value[value.index(after: open)..<value.index(before: value.endIndex)]
            outer = value[..<open]
        } else {
            return (value, nil)
        }
        let name = String(outer).trimmingWhitespace
        let email = String(inner).trimmingWhitespace
        guard !name.isEmpty, !email.isEmpty else { return (value, nil) }
        if email.contains("@"), !name.contains("@") { return (name, email) }
        if name.contains("@"), !email.contains("@") { return (email, name) }
        return (value, nil)
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
