import Foundation
import MusterCore
import MusterTesting
import Testing
import XMLNewsImporter

/// The feed dialects and item fields, on small generated feeds.
@Suite struct XMLNewsImporterFormatTests {
    static let rss2WithTable = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Uji</title>
            <item>
              <title>Daftar peserta pelatihan tas</title>
              <link>https://berita.example.invalid/1</link>
              <guid isPermaLink="false">uji-1</guid>
              <pubDate>Mon, 02 Sep 2024 09:15:00 +0700</pubDate>
              <dc:creator>Redaksi Contoh</dc:creator>
              <category>Pelatihan</category>
              <category><![CDATA[UMKM]]></category>
              <comments>https://berita.example.invalid/1#komentar</comments>
              <enclosure url="https://img.example.invalid/1.jpg" type="image/jpeg" length="10"/>
              <description>Ringkasan singkat.</description>
              <content:encoded><![CDATA[<p>Peserta&nbsp;yang   diterima:</p>
        <table>
          <thead><tr><th>No.</th><th>Nama Peserta</th><th>Kel.</th><th>Kec.</th><th>Bidang Usaha</th><th>Keterangan</th></tr></thead>
          <tbody>
            <tr><td>1</td><td>Siti <b>Aminah</b></td><td>Pulo</td><td>Kby. Baru</td><td>Kue &amp; Minuman</td><td>hadir</td></tr>
            <tr><td></td><td></td><td></td><td></td><td></td><td></td></tr>
            <tr><td>2</td><td>Budi Santoso</td><td>Melawai</td><td>Kebayoran Baru</td><td>Sablon</td></tr>
            <tr><td>3</td><td>Rina Kelebihan</td><td>a</td><td>b</td><td>c</td><td>d</td><td>e</td></tr>
          </tbody>
        </table>
        <table><tr><td>Jadwal</td><td>Tempat</td></tr><tr><td>Senin</td><td>Aula</td></tr></table>
        <table><tr><td>Nama</td><td>Kelurahan</td></tr><tr><td>Dewi</td><td>Senayan</td></tr></table>
        <p>Selesai.</p>]]></content:encoded>
            </item>
          </channel>
        </rss>
        """

    @Test func rss2ItemFieldsAndParticipantTable() throws {
        let result = try FeedFixture.read(xml: Self.rss2WithTable)
        #expect(result.error == nil)
        let programme = try #require(result.record("item:uji-1"))
        #expect(programme.kind == .programme)
        #expect(programme.provenance.file == "fixtures/feed.xml")
        #expect(programme.provenance.sourceID == "news")
        #expect(programme.fields[Field.guid] == "uji-1")
        #expect(programme.fields[Field.title] == "Daftar peserta pelatihan tas")
        #expect(programme.fields[Field.link] == "https://berita.example.invalid/1")
        #expect(programme.fields[Field.published] == "2024-09-02T09:15:00+07:00")
        #expect(programme.extras["publishedRaw"] == "Mon, 02 Sep 2024 09:15:00 +0700")
        #expect(programme.fields[Field.author] == "Redaksi Contoh")
        #expect(programme.fields[Field.categories] == "Pelatihan; UMKM")
        let text = try #require(programme.fields[Field.text])
        #expect(text.hasPrefix("Peserta yang diterima: No. Nama Peserta"))
        #expect(text.hasSuffix("Dewi Senayan Selesai."))
        #expect(programme.extras["comments"] == "https://berita.example.invalid/1#komentar")
        #expect(programme.extras["enclosure@url"] == "https://img.example.invalid/1.jpg")

        let first = try #require(result.record("item:uji-1/row:1"))
        #expect(first.kind == .participant)
        #expect(first.fields == [Field.name: "Siti Aminah", Field.kelurahan: "Pulo", Field.kecamatan: "Kby. Baru", Field.sector: "Kue & Minuman"])
        #expect(first.extras == ["No.": "1"])
        #expect(
            first.enrollments == [Enrollment(programme: "uji-1", title: "Daftar peserta pelatihan tas", date: "2024-09-02T09:15:00+07:00", status: "hadir")])
        #expect(first.enrollments.first?.standing == .attended)
        // The empty row is not a record and takes no number; a short row is fine.
        let second = try #require(result.record("item:uji-1/row:2"))
        #expect(second.fields[Field.name] == "Budi Santoso")
        #expect(second.extras["Keterangan"] == nil)
        // A row with more cells than the header is rejected without its values.
        let long = try #require(result.record("item:uji-1/row:3"))
        #expect(long.rejection == Rejection(message: "the table row has 7 cells but its header has 6", position: "item uji-1, table row 3"))
        // The table without a name column is not read; the next one continues the numbering.
        #expect(result.record("item:uji-1/row:4")?.fields == [Field.name: "Dewi", Field.kelurahan: "Senayan"])
        #expect(result.records.count == 5)
        #expect(first.provenance.contentHash != second.provenance.contentHash)
    }

    @Test func aRemarkThatIsNoStatusStaysAnExtra() throws {
        let xml = Self.rss2WithTable.replacingOccurrences(of: "<td>hadir</td>", with: "<td>peserta terbaik</td>")
        let first = try #require(try FeedFixture.read(xml: xml).record("item:uji-1/row:1"))
        #expect(first.extras == ["No.": "1", "Keterangan": "peserta terbaik"])
        #expect(first.enrollments.first?.status == nil)
        let stated = Self.rss2WithTable.replacingOccurrences(of: "<th>Keterangan</th>", with: "<th>Status</th>")
            .replacingOccurrences(of: "<td>hadir</td>", with: "<td>LULUS</td>")
        let passed = try #require(try FeedFixture.read(xml: stated).record("item:uji-1/row:1"))
        #expect(passed.enrollments.first?.standing == .passed)
        #expect(passed.extras == ["No.": "1"])
    }

    @Test func participantTablesCanBeTurnedOff() throws {
        let result = try FeedFixture.read(xml: Self.rss2WithTable, options: .init(participantTables: false))
        #expect(result.records.map(\.provenance.locator) == ["item:uji-1"])
    }

    @Test func entityEscapedDescriptionIsHTML() throws {
        let result = try FeedFixture.read(
            xml: """
                <rss version="2.0"><channel><title>x</title>
                <item><title>Halal &amp; UMKM</title><link>https://e.invalid/2</link>
                <description>&lt;p&gt;Pendaftaran&amp;nbsp;dibuka&lt;/p&gt;&#13;
                &lt;table&gt;&lt;tr&gt;&lt;td&gt;Nama&lt;/td&gt;&lt;td&gt;Jenis Usaha&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ani&lt;/td&gt;&lt;td&gt;Kue&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</description>
                </item></channel></rss>
                """
        )
        #expect(result.error == nil)
        // No guid: the link identifies the item.
        let programme = try #require(result.record("item:https://e.invalid/2"))
        #expect(programme.fields[Field.guid] == "https://e.invalid/2")
        #expect(programme.fields[Field.title] == "Halal & UMKM")
        #expect(programme.fields[Field.text] == "Pendaftaran dibuka Nama Jenis Usaha Ani Kue")
        #expect(result.record("item:https://e.invalid/2/row:1")?.fields == [Field.name: "Ani", Field.sector: "Kue"])
    }

    @Test func scriptAndStyleNeverReachText() throws {
        let result = try FeedFixture.read(
            xml: """
                <rss version="2.0"><channel><item><guid>s</guid>
                <description><![CDATA[<p>Aman</p><script>alert("bocor")</script><style>p{color:red}</style><p onclick="x()">juga</p>]]></description>
                </item><item><guid>t</guid>
                <description>&lt;script&gt;document.write("bocor")&lt;/script&gt;Teks</description>
                </item></channel></rss>
                """
        )
        #expect(result.record("item:s")?.fields[Field.text] == "Aman juga")
        #expect(result.record("item:t")?.fields[Field.text] == "Teks")
        #expect(!result.allValues.contains { $0.contains("bocor") || $0.contains("color") })
    }

    @Test func rss10RDF() throws {
        let result = try FeedFixture.read(
            xml: """
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                  <channel rdf:about="https://e.invalid/"><title>Kanal</title><link>https://e.invalid/</link></channel>
                  <item rdf:about="https://e.invalid/a">
                    <title>Berita A</title>
                    <link>https://e.invalid/a</link>
                    <description>Ringkas</description>
                    <dc:date>2024-09-02T09:00:00+07:00</dc:date>
                    <dc:creator>Penulis</dc:creator>
                    <dc:subject>UMKM</dc:subject>
                  </item>
                  <item rdf:about="https://e.invalid/b"><title>Berita B</title><link>https://e.invalid/b</link></item>
                </rdf:RDF>
                """
        )
        #expect(result.error == nil)
        #expect(result.records.map(\.provenance.locator) == ["item:https://e.invalid/a", "item:https://e.invalid/b"])
        let first = try #require(result.records.first)
        #expect(first.fields[Field.published] == "2024-09-02T09:00:00+07:00")
        #expect(first.fields[Field.author] == "Penulis")
        #expect(first.fields[Field.categories] == "UMKM")
        #expect(first.fields[Field.text] == "Ringkas")
    }

    @Test func atom10WithXHTMLContent() throws {
        let result = try FeedFixture.read(
            xml: """
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Umpan</title><id>urn:feed</id>
                  <entry>
                    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Judul <b>tebal</b></div></title>
                    <id>tag:e.invalid,2024:1</id>
                    <link rel="self" href="https://e.invalid/self/1"/>
                    <link rel="alternate" type="text/html" href="https://e.invalid/1"/>
                    <updated>2024-09-02T09:30:00+07:00</updated>
                    <published>2024-09-02T09:00:00+07:00</published>
                    <author><name>Redaksi</name><email>redaksi@example.invalid</email></author>
                    <category term="Pelatihan"/><category term="Fesyen"/>
                    <summary>Ringkasan</summary>
                    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Peserta &amp; jadwal:</p><table><tr><th>Nama</th><th>Kec.</th></tr><tr><td>Ani</td><td>Tebet</td></tr></table><script>x()</script></div></content>
                  </entry>
                  <entry><title type="html">Gelombang &lt;b&gt;kedua&lt;/b&gt;</title><id>tag:e.invalid,2024:2</id><link href="https://e.invalid/2"/><updated>2024-09-01T00:00:00Z</updated><content type="text">  Teks  biasa &lt;b&gt; </content></entry>
                </feed>
                """
        )
        #expect(result.error == nil)
        let first = try #require(result.record("item:tag:e.invalid,2024:1"))
        #expect(first.fields[Field.guid] == "tag:e.invalid,2024:1")
        #expect(first.fields[Field.title] == "Judul tebal")
        #expect(first.fields[Field.link] == "https://e.invalid/1")
        #expect(first.fields[Field.published] == "2024-09-02T09:00:00+07:00")
        #expect(first.fields[Field.author] == "Redaksi")
        #expect(first.fields[Field.categories] == "Pelatihan; Fesyen")
        #expect(first.fields[Field.text] == "Peserta & jadwal: Nama Kec. Ani Tebet")
        #expect(first.extras["link@self"] == "https://e.invalid/self/1")
        #expect(first.extras["author/email"] == "redaksi@example.invalid")
        #expect(result.record("item:tag:e.invalid,2024:1/row:1")?.fields == [Field.name: "Ani", Field.kecamatan: "Tebet"])
        let second = try #require(result.record("item:tag:e.invalid,2024:2"))
        // A title of type html becomes its text; plain-text content is only whitespace-collapsed.
        #expect(second.fields[Field.title] == "Gelombang kedua")
        #expect(second.fields[Field.link] == "https://e.invalid/2")
        #expect(second.fields[Field.published] == "2024-09-01T00:00:00Z")
        #expect(second.fields[Field.text] == "Teks biasa <b>")
    }

    @Test func atom03() throws {
        let result = try FeedFixture.read(
            xml: """
                <feed version="0.3" xmlns="http://purl.org/atom/ns#">
                  <title>Lama</title>
                  <entry>
                    <title>Entri lama</title>
                    <link rel="alternate" type="text/html" href="https://e.invalid/lama"/>
                    <id>tag:e.invalid,2004:lama</id>
                    <issued>2004-01-02T03:04:05+07:00</issued>
                    <modified>2004-01-03T00:00:00Z</modified>
                    <author><name>Penulis Lama</name></author>
                    <content type="text/html" mode="escaped">&lt;p&gt;Isi &lt;i&gt;lama&lt;/i&gt;&lt;/p&gt;</content>
                  </entry>
                  <entry><id>tag:e.invalid,2004:xml</id><content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml">Isi <b>xml</b></div></content></entry>
                </feed>
                """
        )
        #expect(result.error == nil)
        let first = try #require(result.record("item:tag:e.invalid,2004:lama"))
        #expect(first.fields[Field.title] == "Entri lama")
        #expect(first.fields[Field.link] == "https://e.invalid/lama")
        #expect(first.fields[Field.published] == "2004-01-02T03:04:05+07:00")
        #expect(first.fields[Field.author] == "Penulis Lama")
        #expect(first.fields[Field.text] == "Isi lama")
        #expect(result.record("item:tag:e.invalid,2004:xml")?.fields[Field.text] == "Isi xml")
    }

    @Test func feedWithoutItemsGivesNoRecords() throws {
        for xml in [
            "<rss version=\"2.0\"><channel><title>Kosong</title></channel></rss>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Kosong</title></feed>",
        ] {
            let result = try FeedFixture.read(xml: xml)
            #expect(result.error == nil)
            #expect(result.records.isEmpty)
        }
    }

    @Test func repeatedGuidIsRejectedOnce() throws {
        let result = try FeedFixture.read(
            xml: """
                <rss version="2.0"><channel>
                <item><guid>g1</guid><title>Pertama</title></item>
                <item><guid>g2</guid><title>Kedua</title></item>
                <item><guid>g1</guid><title>Pertama lagi</title>
                <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<table><tr><th>Nama</th></tr><tr><td>Ani</td></tr></table>]]></content:encoded></item>
                </channel></rss>
                """
        )
        #expect(result.records.map(\.provenance.locator) == ["item:g1", "item:g2", "item:g1/line:4"])
        let repeated = try #require(result.records.last)
        #expect(repeated.kind == .programme)
        #expect(repeated.rejection == Rejection(message: "repeated guid; the item at line 2 has the same guid", position: "line 4"))
        #expect(result.participants.isEmpty)
    }

    @Test func itemWithoutIdentifierIsLocatedByIndex() throws {
        let result = try FeedFixture.read(xml: "<rss><channel><item><title>A</title></item><item><title>B</title></item></channel></rss>")
        #expect(result.records.map(\.provenance.locator) == ["item:index:1", "item:index:2"])
        #expect(result.records.first?.fields[Field.guid] == nil)
    }

    @Test func batchesNeverExceedTheBatchSize() throws {
        let directory = try TemporaryDirectory("xml-news")
        defer { directory.remove() }
        let file = try FeedFixture.file(directory, "feed.xml", Self.rss2WithTable)
        let result = FeedFixture.read(file, batchSize: 2)
        #expect(result.batches.map(\.count) == [2, 2, 1])
    }
}
