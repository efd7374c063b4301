import MusterCore
import MusterTesting
import Testing
import XMLNewsImporter

/// The `encoding/`, `illformed/` and `entities/` groups of feedparser's corpus, as the
/// corpora README says: well-formed files parse, the others are refused with a clear error
/// naming the file and line, and no value ever holds a replacement character (U+FFFD).
@Suite struct FeedparserGroupsTests {
    /// The refusal of a file: its message must name the file and a line.
    static func expectRefused(_ row: FeedparserManifest.Row, _ result: FeedFixture.Result, saying phrase: String) {
        guard let error = result.error else {
            Issue.record("\(row.path): parsed, expected a refusal")
            return
        }
        let text = "\(error)"
        let location = text.firstRange(of: "feedparser/\(row.path):").map { text[$0.upperBound...] }
        #expect(location?.first?.isNumber == true, "\(row.path): the error does not name the file and line: \(text)")
        #expect(text.contains(phrase), "\(row.path): \(text)")
    }

    static func expectParsed(_ row: FeedparserManifest.Row, _ result: FeedFixture.Result) {
        #expect(result.error == nil, "\(row.path): \(result.error.map { "\($0)" } ?? "")")
        #expect(result.records.filter { $0.kind == .programme }.count >= row.minEntries, "\(row.path)")
    }

    /// Encoding (82): the 70 files libxml2 reads parse (UTF-32 declared as such included, and
    /// the `bozo_http_*` files, ill-formed only through their HTTP headers). The other 12 are
    /// refused clearly:
    /// five `bozo_*` (a bogus or mismatched encoding, invalid bytes, an undefined entity);
    /// `u16.xml`, whose declared name "u16" is no encoding (refused, not guessed); five UTF-32
    /// files, which libxml2 2.9.14 cannot decode (refused, naming UTF-32 from the first
    /// bytes, rather than with libxml2's "Document is empty"); and `http_text_xml_charset_2.xml`, windows-1252 bytes that only an HTTP header
    /// would declare: read from disk they are invalid UTF-8, an error, never U+FFFD.
    @Test func encodingGroup() throws {
        let rows = try FeedparserManifest().group("encoding")
        #expect(rows.count == 82)
        var parsed = 0
        for row in rows {
            let result = FeedFixture.read(row.file)
            #expect(!result.allValues.contains { $0.contains("\u{FFFD}") }, "\(row.path): a replacement character reached a value")
            let name = String(row.path.dropFirst("encoding/".count))
            if row.libxml2WellFormed == "yes" {
                Self.expectParsed(row, result)
                parsed += 1
            } else if name.hasPrefix("utf-32") {
                Self.expectRefused(row, result, saying: "UTF-32")
            } else if name == "u16.xml" {
                Self.expectRefused(row, result, saying: "Unsupported encoding u16")
            } else if name == "http_text_xml_charset_2.xml" {
                Self.expectRefused(row, result, saying: "Input is not proper UTF-8")
            } else {
                #expect(name.hasPrefix("bozo_"), "\(row.path)")
                Self.expectRefused(row, result, saying: "not well-formed XML")
            }
        }
        #expect(parsed == 70)
    }

    /// Ill-formed (19): the 13 files fatal to libxml2 are refused (the items complete before
    /// the fault are kept, as everywhere); the 5 well-formed ones with odd values (GeoRSS,
    /// a high-bit date, a DOCTYPE naming http://site.invalid/, never fetched) parse; and
    /// `undeclared_namespace.xml`'s namespace error is recovered by libxml2 (not fatal): the
    /// element outside any item is read by its prefixed name, and the feed has no items.
    @Test func illformedGroup() throws {
        let rows = try FeedparserManifest().group("illformed")
        #expect(rows.count == 19)
        var refused = 0
        for row in rows {
            let result = FeedFixture.read(row.file)
            #expect(!result.allValues.contains { $0.contains("\u{FFFD}") }, "\(row.path)")
            switch row.libxml2WellFormed {
            case "no":
                Self.expectRefused(row, result, saying: "not well-formed XML")
                refused += 1
            case "ns-error":
                #expect(result.error == nil && result.records.isEmpty, "\(row.path)")
            default:
                Self.expectParsed(row, result)
            }
        }
        #expect(refused == 13)
        // The corrupted-ampersand feed keeps its one complete item before the fault.
        let corrupted = try #require(rows.first { $0.path.hasSuffix("rss_item_link_corrupted_ampersands.xml") })
        #expect(FeedFixture.read(corrupted.file).records.count == 1)
    }

    /// Entities (256): HTML named entities undeclared in XML (`&aacute;`), `&#X…;`, truncated
    /// documents. All are fatal to libxml2 and refused with the entity's name and the line.
    /// Not recovered: the XML reader cannot substitute HTML entities without a DTD, and
    /// guessing would silently change text; HTML entities inside CDATA or escaped HTML bodies
    /// are decoded by the HTML step, which is where real feeds put them.
    @Test func entitiesGroup() throws {
        let rows = try FeedparserManifest().group("entities")
        #expect(rows.count == 256)
        for row in rows {
            let result = FeedFixture.read(row.file)
            #expect(!result.allValues.contains { $0.contains("\u{FFFD}") }, "\(row.path)")
            Self.expectRefused(row, result, saying: "not well-formed XML")
            if row.libxml2FirstError.hasPrefix("Entity '") {
                #expect("\(result.error.map { "\($0)" } ?? "")".contains(row.libxml2FirstError), "\(row.path)")
            }
        }
    }
}
