import Foundation
import MusterCore
import Testing
import XMLNewsImporter

/// Broken and hostile feeds: what is kept, what is refused, and that nothing leaks or hangs.
@Suite struct XMLNewsImporterSafetyTests {
    @Test func malformedFeedKeepsTheItemsBeforeTheFault() throws {
        let result = try FeedFixture.read(
            xml: """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                <item><guid>a</guid><title>Satu</title></item>
                <item><guid>b</guid><title>Dua</title></item>
                <item><guid>c</guid><title>Tiga
                </item>
                </channel></rss>
                """,
            name: "rusak.xml"
        )
        #expect(result.records.map(\.provenance.locator) == ["item:a", "item:b"])
        let error = try #require(result.musterError)
        #expect(error.code == .unreadableInput)
        #expect(error.location == "fixtures/rusak.xml:6")
        #expect(
            error.message
                == "the file is not well-formed XML: Opening and ending tag mismatch: title line 5 and item (column 8); 2 items before it were read; the item starting on line 5 is incomplete and was not read"
        )
    }

    /// libxml2's reader gives up on a whole 512-byte chunk at a fatal error; the items
    /// complete before the error in that chunk must still arrive, wherever the chunk ends.
    @Test(arguments: [1, 7, 300])
    func everyCompleteItemBeforeAFaultIsKept(items: Int) throws {
        var xml = "<rss version=\"2.0\"><channel>\n"
        for index in 1...items {
            xml += "<item><guid>g\(index)</guid><title>Judul \(index)</title><description>&lt;p&gt;Isi \(index)&lt;/p&gt;</description></item>\n"
        }
        let tight = try FeedFixture.read(xml: xml + "<item><guid>rusak</guid><title>x</item></channel></rss>")
        #expect(tight.records.map(\.provenance.locator) == (1...items).map { "item:g\($0)" })
        #expect(tight.records.last?.fields[Field.text] == "Isi \(items)")
        let kept = items == 1 ? "1 item before it was read" : "\(items) items before it were read"
        #expect(tight.musterError?.message.hasSuffix("; \(kept); the item starting on line \(items + 2) is incomplete and was not read") == true)
        // Broken markup straight after a closing tag: the item before it is complete.
        let glued = try FeedFixture.read(xml: xml.dropLast() + "<<</channel></rss>")
        #expect(glued.records.count == items)
        #expect(glued.error != nil)
    }

    @Test func emptyAndNonFeedFilesAreRefusedNamingTheFile() throws {
        let empty = try FeedFixture.read(xml: "", name: "kosong.xml")
        #expect(empty.records.isEmpty)
        #expect(empty.musterError?.location == "fixtures/kosong.xml:1")

        let html = try FeedFixture.read(xml: "<html><body><item><guid>x</guid></item></body></html>", name: "bukan.xml")
        #expect(html.records.isEmpty)
        #expect(html.musterError?.message == "the root element <html> is not an RSS (<rss>, <rdf:RDF>) or Atom (<feed>) feed")
        #expect(html.musterError?.location == "fixtures/bukan.xml:1")

        let missing = FeedFixture.read(SourceFile(path: "fixtures/hilang.xml", absolutePath: "/nonexistent/hilang.xml"))
        #expect(missing.musterError?.location == "fixtures/hilang.xml")
    }

    @Test func externalEntitiesAndDTDsAreNeverLoaded() throws {
        let result = try FeedFixture.read(
            xml: """
                <?xml version="1.0"?>
                <!DOCTYPE rss SYSTEM "http://127.0.0.1:9/x.dtd" [
                  <!ENTITY e SYSTEM "file:///etc/passwd">
                  <!ENTITY % p SYSTEM "file:///etc/hostname">
                  %p;
                ]>
                <rss version="2.0"><channel>
                <item><guid>x</guid><title>Judul &e;</title><description>&e;</description><category>&e;</category></item>
                </channel></rss>
                """
        )
        #expect(result.error == nil)
        #expect(result.record("item:x")?.fields[Field.title] == "Judul")
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0"
        let firstLine = String(passwd.prefix { $0 != "\n" })
        #expect(!result.allValues.contains { $0.contains("root:") || (!firstLine.isEmpty && $0.contains(firstLine)) })
    }

    @Test func deepNestingIsRefusedClearly() throws {
        let depth = 10_000
        let xml =
            "<rss><channel><item><guid>d</guid>" + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth)
            + "</item></channel></rss>"
        let result = try FeedFixture.read(xml: xml, name: "dalam.xml")
        let error = try #require(result.musterError)
        #expect(error.message.hasPrefix("elements are nested more than 256 levels deep; the feed is refused"))
        #expect(error.location?.hasPrefix("fixtures/dalam.xml:") == true)
    }

    @Test(.timeLimit(.minutes(1))) func billionLaughsIsBounded() throws {
        var entities = "<!ENTITY a0 \"lol\">\n"
        for level in 1...10 {
            entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">\n"
        }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n\(entities)]>\n<rss><channel><item><guid>b</guid><title>&a10;</title></item></channel></rss>"
        let started = ContinuousClock.now
        let result = try FeedFixture.read(xml: xml)
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(result.error != nil || result.allValues.allSatisfy { $0.utf8.count < 1_000 })
    }

    /// Attribute values are read from their text nodes, so an entity repeated in an attribute
    /// is never expanded (the reader's own value lookup would copy gigabytes).
    @Test(.timeLimit(.minutes(1))) func entitiesInAttributesAreNotExpanded() throws {
        let big = String(repeating: "x", count: 100_000)
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY big \"\(big)\">]>\n<rss><channel>\n"
        for index in 1...500 {
            xml += "<item><guid>q\(index)</guid><enclosure url=\"a&amp;b&#33;\(String(repeating: "&big;", count: 90))\"/></item>\n"
        }
        let started = ContinuousClock.now
        let result = try FeedFixture.read(xml: xml + "</channel></rss>")
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(result.error == nil)
        #expect(result.records.count == 500)
        #expect(result.records.first?.extras["enclosure@url"] == "a&b!")
    }

    @Test func fieldsAreCappedAtMaxFieldBytes() throws {
        let long = String(repeating: "é", count: 3_000)
        let result = try FeedFixture.read(
            xml: "<rss><channel><item><guid>c</guid><title>\(long)</title><comments>\(long)</comments></item></channel></rss>",
            options: .init(maxFieldBytes: 1_025)
        )
        let record = try #require(result.record("item:c"))
        #expect(record.fields[Field.title] == String(repeating: "é", count: 512))
        #expect(record.extras["comments"]?.utf8.count == 1_024)
    }
}
