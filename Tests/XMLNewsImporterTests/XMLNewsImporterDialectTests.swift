import MusterCore
import MusterTesting
import Testing
import XMLNewsImporter

/// Older and looser dialects, relative links and the field rules feedparser's corpus checks.
@Suite struct XMLNewsImporterDialectTests {
    @Test func cdfChannelAndItems() throws {
        let result = try FeedFixture.read(
            xml: """
                <CHANNEL HREF="http://e.invalid/"><TITLE>Kanal</TITLE>
                <ITEM HREF="http://e.invalid/1" LASTMOD="2004-04-06T23:05:43-05:00"><TITLE>Satu</TITLE><ABSTRACT>Ringkas</ABSTRACT></ITEM>
                <CHANNEL><ITEM HREF="http://e.invalid/2"/></CHANNEL>
                </CHANNEL>
                """
        )
        #expect(result.error == nil)
        #expect(result.records.map(\.provenance.locator) == ["item:http://e.invalid/1", "item:http://e.invalid/2"])
        let first = try #require(result.records.first)
        #expect(first.fields[Field.title] == "Satu")
        #expect(first.fields[Field.published] == "2004-04-06T23:05:43-05:00")
        #expect(first.fields[Field.text] == "Ringkas")
    }

    @Test func namespaceLessAtomAndItemsInAtom() throws {
        let result = try FeedFixture.read(
            xml: """
                <feed><entry><id>urn:a</id><title>A</title><author><name>Redaksi</name></author></entry></feed>
                """
        )
        #expect(result.records.first?.fields == [Field.guid: "urn:a", Field.title: "A", Field.author: "Redaksi"])
        let items = try FeedFixture.read(xml: "<feed xmlns=\"http://www.w3.org/2005/Atom\"><item><id>urn:b</id></item></feed>")
        #expect(items.records.map(\.provenance.locator) == ["item:urn:b"])
    }

    @Test func linksResolveAgainstXMLBase() throws {
        let result = try FeedFixture.read(
            xml: """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://e.invalid/berita/">
                  <entry xml:base="2024/"><id>a</id><link href="../peserta?x=1#t"/></entry>
                  <entry><id>b</id><link xml:base="http://lain.invalid/a/b" href="/mutlak"/></entry>
                  <entry><id>c</id><link href="https://penuh.invalid/x"/></entry>
                </feed>
                """
        )
        #expect(
            result.records.map { $0.fields[Field.link] } == ["http://e.invalid/berita/peserta?x=1#t", "http://lain.invalid/mutlak", "https://penuh.invalid/x"])
        // Without xml:base a relative link stays as written: a file has no URL to resolve against.
        let plain = try FeedFixture.read(xml: "<rss><channel><item><link>/relatif</link></item></channel></rss>")
        #expect(plain.records.first?.fields[Field.link] == "/relatif")
    }

    @Test func rssFieldRules() throws {
        let result = try FeedFixture.read(
            xml: """
                <!DOCTYPE rss [<!ENTITY situs "tag:e.invalid,">]>
                <rss xmlns:itunes="http://www.itunes.com/DTDs/Podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/">
                <channel>
                <item><guid>http://e.invalid/permalink</guid><author>redaksi@example.invalid (Tim Redaksi)</author>
                  <media:title>cadangan</media:title><title>Caf&amp;eacute; &amp;amp; UMKM</title></item>
                <item><guid isPermaLink="false">&situs;2024</guid><itunes:author>Penyiar</itunes:author><media:title>cadangan</media:title></item>
                </channel></rss>
                """
        )
        #expect(result.error == nil)
        let first = try #require(result.records.first)
        #expect(first.fields[Field.link] == "http://e.invalid/permalink")
        #expect(first.fields[Field.author] == "Tim Redaksi")
        #expect(first.extras["author/email"] == "redaksi@example.invalid")
        // An RSS title with entities is read as HTML: entities decode, markup never stays.
        #expect(first.fields[Field.title] == "Café & UMKM")
        let second = try #require(result.records.last)
        #expect(second.fields[Field.guid] == "tag:e.invalid,2024")
        #expect(second.fields[Field.link] == nil)
        #expect(second.fields[Field.author] == "Penyiar")
        #expect(second.fields[Field.title] == "cadangan")
    }

    @Test func base64TextConstructs() throws {
        let result = try FeedFixture.read(
            xml: """
                <feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><id>a</id>
                <title mode="base64">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</title></entry></feed>
                """
        )
        #expect(result.records.first?.fields[Field.title] == "Example Atom")
    }
}
