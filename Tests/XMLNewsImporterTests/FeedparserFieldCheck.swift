import MusterCore

/// Checks one feedparser expectation on an entry field against the record we made for that
/// entry, for the fields the importer keeps; other fields are `notKept`.
///
/// How feedparser's fields map onto ours (and where the meaning differs by design):
/// - `title`, `title_detail['value']` → `title`. Ours is plain text: feedparser keeps a
///   sanitized HTML title; we keep its text (tags removed, entities decoded, whitespace
///   collapsed), so no markup reaches the registry. The expected value is turned into text
///   the same way here when it is HTML (has a closing or self-closing tag, or an entity).
/// - `link` → `link`; `id`, `guid` → `guid` (guid, else Atom id, else rdf:about, else link).
/// - `author`, `author_detail['name']` → `author`. feedparser appends the Atom author's
///   e-mail (`Name (me@example.com)`); we keep the name only (the e-mail is personal data and
///   stays in `extras["author/email"]`), so the e-mail part of the expectation is dropped.
/// - `published`, `updated`, `created` (the raw date text) → `extras["publishedRaw"]`, the
///   raw text of the item's date; `*_parsed` (a UTC `time.struct_time`) → `published`, our
///   ISO 8601 form, converted to UTC and compared on year … second.
enum FeedparserFieldCheck {
    enum Outcome: Equatable {
        case matched
        case mismatched(String)
        case notKept
    }

    static let rawDates: Set<String> = ["published", "updated", "created"]
    static let parsedDates: Set<String> = ["published_parsed", "updated_parsed", "created_parsed"]

    static func check(_ path: FeedExpectation.EntryPath, _ literal: FeedExpectation.Literal, entries: [SourceRecord]) -> Outcome {
        guard let field = keptField(path) else { return .notKept }
        guard path.entry < entries.count else { return .mismatched("\(path): there is no such entry") }
        let record = entries[path.entry]
        let actual: String?
        let expected: String?
        switch (field, literal) {
        case (Field.title, .text(let text)):
            actual = record.fields[Field.title]
            expected = expectedTitle(text)
        case (Field.link, .text(let text)), (Field.guid, .text(let text)):
            actual = record.fields[field]
            expected = text
        case (Field.author, .text(let text)):
            actual = record.fields[Field.author]
            expected = authorName(text)
        case ("publishedRaw", .text(let text)):
            actual = record.extras["publishedRaw"]
            expected = text
        case (Field.published, .integers(let numbers)) where numbers.count >= 6:
            actual = record.fields[Field.published].flatMap(utcComponents).map { $0.map(String.init).joined(separator: ",") }
            expected = numbers.prefix(6).map(String.init).joined(separator: ",")
        case (_, .none):
            actual = record.fields[field]
            expected = nil
        default:
            return .notKept
        }
        // An empty expected value is a field we do not store.
        let wanted = expected?.isEmpty == true ? nil : expected
        return actual == wanted
            ? .matched : .mismatched("\(path): expected \(wanted.map { "\"\($0)\"" } ?? "nothing"), found \(actual.map { "\"\($0)\"" } ?? "nothing")")
    }

    /// Our field for a feedparser entry path, or nil when the importer does not keep it.
    static func keptField(_ path: FeedExpectation.EntryPath) -> String? {
        let key = path.keys.joined(separator: ".")
        switch key {
        case "title", "title_detail.value": return Field.title
        case "link": return Field.link
        case "id", "guid": return Field.guid
        case "author", "author_detail.name": return Field.author
        default:
            if rawDates.contains(key) { return "publishedRaw" }
            if parsedDates.contains(key) { return Field.published }
            return nil
        }
    }

    /// The text of an expected title: HTML turned into text, whitespace collapsed.
    static func expectedTitle(_ text: String) -> String {
        collapsed(looksLikeHTML(text) ? plainText(ofHTML: text) : text)
    }

    static func looksLikeHTML(_ text: String) -> Bool {
        text.contains("</") || text.contains("/>") || text.contains(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/)
    }

    /// Tags and comments removed, the common entities decoded.
    static func plainText(ofHTML html: String) -> String {
        var text = html.replacing(/<!--.*?-->/.dotMatchesNewlines(), with: "")
        text = text.replacing(/<[^>]*>/, with: " ")
        return text.replacing(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);/) { match in
            let name = String(match.output.1)
            let scalar: Unicode.Scalar?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
            } else {
                scalar = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"][name]
            }
            return scalar.map { String(Character($0)) } ?? String(match.output.0)
        }
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `Name (e-mail)` → `Name`.
    static func authorName(_ text: String) -> String {
        text.replacing(/\s\([^()]*@[^()]*\)$/, with: "")
    }

    /// Year, month, day, hour, minute, second in UTC of an ISO 8601 date-time; a date alone
    /// is midnight and a time without offset is taken as UTC, as feedparser does.
    static func utcComponents(_ iso: String) -> [Int]? {
        guard let match = iso.wholeMatch(of: /(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d):(\d\d)(Z|([+-])(\d\d):(\d\d))?)?/) else { return nil }
        let output = match.output
        guard let year = Int(output.1), let month = Int(output.2), let day = Int(output.3) else { return nil }
        var seconds = (Int(output.4 ?? "0") ?? 0) * 3600 + (Int(output.5 ?? "0") ?? 0) * 60 + (Int(output.6 ?? "0") ?? 0)
        if let sign = output.8, let hours = output.9.flatMap({ Int($0) }), let minutes = output.10.flatMap({ Int($0) }) {
            seconds -= (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        let dayShift = Int((Double(seconds) / 86_400).rounded(.down))
        seconds -= dayShift * 86_400
        let (y, m, d) = civil(fromDays: daysFromCivil(year, month, day) + dayShift)
        return [y, m, d, seconds / 3600, seconds % 3600 / 60, seconds % 60]
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
