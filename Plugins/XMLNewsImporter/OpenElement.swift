internal import MusterCore

/// An element open below the current feed item, with the text collected for it.
struct OpenElement {
    enum Role {
        /// A direct child mapped to a field; `markup` says how its text is to be read.
        case field(FeedVocabulary.ItemField, FeedVocabulary.Markup)
        /// An unmapped element; its text goes to `extras` under this path (`enclosure`,
        /// `source/title`).
        case extra(String)
        /// An element inside a field (markup inside a body): its text belongs to `target`.
        case nested
        /// Atom `<author>`: only its children carry values.
        case atomAuthor
        /// Nothing inside is kept (an Atom link, whose value is its `href`).
        case ignored
    }

    var role: Role
    var localName: String
    /// Index in the open-element stack of the element collecting this one's text; nil drops it.
    var target: Int?
    /// True when this element's tags are re-serialized into its target (inline XHTML).
    var serialized = false
    /// True for an Atom 0.3 `mode="base64"` value, decoded when the element ends.
    var base64 = false
    var buffer: [UInt8] = []
    var truncated = false

    init(role: Role, localName: String, target: Int?) {
        self.role = role
        self.localName = localName
        self.target = target
    }

    /// True for a field whose inline XHTML is rebuilt as an HTML string.
    var collectsMarkup: Bool {
        if case .field(_, .inlineXML) = role { return true }
        return false
    }

    /// Appends bytes, stopping at `cap` bytes in all and remembering that it did.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, cap: Int) {
        let room = cap - buffer.count
        if bytes.count <= room {
            buffer.append(contentsOf: bytes)
        } else {
            if room > 0 { buffer.append(contentsOf: bytes.prefix(room)) }
            truncated = true
        }
    }

    mutating func append(_ text: String, cap: Int) {
        var text = text
        text.withUTF8 { append($0, cap: cap) }
    }

    /// Appends text escaped for an HTML string (`&`, `<`, `>`), for inline XHTML bodies.
    mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, cap: Int) {
        for byte in bytes {
            guard buffer.count < cap else {
                truncated = true
                return
            }
            switch byte {
            case UInt8(ascii: "&"): buffer.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): buffer.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): buffer.append(contentsOf: "&gt;".utf8)
            default: buffer.append(byte)
            }
        }
    }

    /// The collected text as a String, trimmed of surrounding whitespace.
    var value: String {
        TextCleaning.decode(buffer, truncated: truncated).trimmingWhitespace
    }
}
