import MusterCore
import MusterTesting
import Testing
import XMLNewsImporter

/// Participant tables as announcements write them: headers read through the vocabulary
/// sheets use, masked numbers, and the totals row that ends the table.
@Suite struct XMLNewsParticipantTableTests {
    /// An RSS item whose body is one table with this header row and these rows.
    static func feed(header: [String], rows: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Uji</title><item>
          <title>Peserta pelatihan</title><guid>uji-2</guid><pubDate>Mon, 02 Sep 2024 09:15:00 +0700</pubDate>
          <description><![CDATA[<table><thead><tr>\(header.map { "<th>\($0)</th>" }.joined())</tr></thead><tbody>
        \(rows.joined(separator: "\n"))
        </tbody></table>]]></description>
        </item></channel></rss>
        """
    }

    @Test(
        arguments: [
            ("Nama Pemilik", Field.name), ("No. NIK", Field.nik), ("Asal Kelurahan", Field.kelurahan), ("Kelurahan Domisili", Field.kelurahan),
            ("Kel/Desa", Field.kelurahan), ("Asal Kecamatan", Field.kecamatan), ("Kecamatan Domisili", Field.kecamatan), ("Kontak", Field.phone),
            ("No. HP", Field.phone), ("Produk", Field.sector), ("Nama Usaha", Field.businessName),
        ] as [(String, String)])
    func aHeaderReadsAsInASheet(header: String, field: String) throws {
        let names = header == "Nama Pemilik" ? ["No", header] : ["No", "Nama", header]
        let cells = header == "Nama Pemilik" ? ["1", "x"] : ["1", "Siti Aminah", "x"]
        let xml = Self.feed(header: names, rows: ["<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"])
        let record = try #require(try FeedFixture.read(xml: xml).record("item:uji-2/row:1"))
        #expect(record.fields[field] == "x", "\(header)")
        #expect(record.extras == ["No": "1"])
    }

    @Test(
        arguments: [
            ("No. NIK", "317401********01"), ("No. HP (disamarkan)", "0812****345"), ("No. HP", "0812xxxx345"), ("Email", "s***@example.net"),
        ] as [(String, String)])
    func aMaskedNumberStaysAnExtra(header: String, masked: String) throws {
        let xml = Self.feed(header: ["Nama", header], rows: ["<tr><td>Siti Aminah</td><td>\(masked)</td></tr>"])
        let record = try #require(try FeedFixture.read(xml: xml).record("item:uji-2/row:1"))
        #expect(record.fields == [Field.name: "Siti Aminah"])
        #expect(record.extras == [header: masked])
    }

    @Test func cellsKeptAsExtrasNeverOverwriteEachOther() throws {
        // A masked number and a second column of the same header, and a remark under an empty header.
        let xml = Self.feed(
            header: ["Nama", "No HP", "No HP", "Keterangan", ""],
            rows: ["<tr><td>Siti Aminah</td><td>0812****345</td><td>0813-1111-2222</td><td>peserta terbaik</td><td>catatan</td></tr>"])
        let record = try #require(try FeedFixture.read(xml: xml).record("item:uji-2/row:1"))
        #expect(record.extras == ["No HP": "0812****345", "No HP (3)": "0813-1111-2222", "Keterangan": "peserta terbaik", "column 5": "catatan"])
    }

    @Test func anUnmaskedNumberIsTheField() throws {
        let xml = Self.feed(header: ["Nama", "No. HP"], rows: ["<tr><td>Siti Aminah</td><td>0812-1111-2222</td></tr>"])
        let record = try #require(try FeedFixture.read(xml: xml).record("item:uji-2/row:1"))
        #expect(record.fields == [Field.name: "Siti Aminah", Field.phone: "0812-1111-2222"])
    }

    @Test(arguments: [
        "<tr><td><b>Jumlah</b></td><td>30 orang</td><td></td></tr>", "<tr><td colspan=\"2\"><b>Jumlah peserta</b></td><td>28 orang</td></tr>",
        "<tr><td></td><td>TOTAL</td><td></td></tr>", "<tr><td></td><td>Mengetahui,</td><td>Jakarta, 22 Oktober 2024</td></tr>",
    ])
    func theTotalsRowIsRejectedNotLost(row: String) throws {
        let xml = Self.feed(header: ["No", "Nama Peserta", "Kelurahan"], rows: ["<tr><td>1</td><td>Siti Aminah</td><td>Pulo</td></tr>", row])
        let result = try FeedFixture.read(xml: xml)
        #expect(result.participants.map(\.provenance.locator) == ["item:uji-2/row:1"])
        let rejected = try #require(result.record("item:uji-2/row:2"))
        #expect(rejected.rejection == Rejection(message: "the row is a signature or totals line, not a participant", position: "item uji-2, table row 2"))
    }

    @Test func aHeaderNamingTwoPlacesWarnsAndStaysAnExtra() throws {
        let directory = try TemporaryDirectory("xml-news")
        defer { directory.remove() }
        let xml = Self.feed(header: ["Nama", "Kel/Kec"], rows: ["<tr><td>Siti Aminah</td><td>Pulo</td></tr>"])
        let diagnostics = Diagnostics()
        var records: [SourceRecord] = []
        try XMLNewsImporter(options: .init()).read(
            try FeedFixture.file(directory, "feed.xml", xml), context: ImportContext(sourceID: "news", diagnostics: diagnostics)
        ) { records += $0 }
        #expect(records.last?.extras == ["Kel/Kec": "Pulo"])
        #expect(
            diagnostics.all.map(\.message) == [
                "fixtures/feed.xml: item uji-2: table column \"Kel/Kec\" could be kelurahan or kecamatan; kept as an extra field"
            ])
    }
}
