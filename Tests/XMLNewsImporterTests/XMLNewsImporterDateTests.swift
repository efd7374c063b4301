import MusterCore
import MusterTesting
import Testing
import XMLNewsImporter

/// Item dates become ISO 8601 in `published`, with the feed's text kept in
/// `extras["publishedRaw"]`.
@Suite struct XMLNewsImporterDateTests {
    static let cases: [(raw: String, iso: String?)] = [
        // RFC 822, named zones and numeric offsets.
        ("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"),
        ("Mon, 02 Sep 2024 09:15:00 +0700", "2024-09-02T09:15:00+07:00"),
        ("Mon, 2 Sep 24 09:15 -0500", "2024-09-02T09:15:00-05:00"),
        ("Thu, 01 Jan 2004 19:48:21 EST", "2004-01-01T19:48:21-05:00"),
        ("01 Jan 2004 19:48:21 UT", "2004-01-01T19:48:21Z"),
        // ISO 8601 / W3C-DTF.
        ("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z"),
        ("2003-12-31T10:14:55.123-08:00", "2003-12-31T10:14:55-08:00"),
        ("2024-09-02T09:00:00+0700", "2024-09-02T09:00:00+07:00"),
        ("2024-09-02 09:00:00", "2024-09-02T09:00:00"),
        ("2003-12-31", "2003-12-31"),
        ("2003-12", "2003-12"),
        // Indonesian forms, WIB/WITA/WIT.
        ("Senin, 2 September 2024 10:00 WIB", "2024-09-02T10:00:00+07:00"),
        ("Selasa, 03 Sep 2024 08.30 WITA", "2024-09-03T08:30:00+08:00"),
        ("Jumat, 20 Desember 2024 pukul 14:00 WIT", "2024-12-20T14:00:00+09:00"),
        ("Rabu, 4 Agustus 2021 +0700", nil),
        ("Rabu, 4 Agustus 2021 10:00 +0700", "2021-08-04T10:00:00+07:00"),
        ("17 Agt 2024", "2024-08-17"),
        // Not a date, or not a real moment: the raw text only.
        ("kemarin sore", nil),
        ("Thu, 31 Feb 2004 19:48:21 GMT", nil),
        ("2004-01-01T25:00:00Z", nil),
    ]

    @Test(arguments: cases.indices)
    func itemDate(_ index: Int) throws {
        let (raw, iso) = Self.cases[index]
        let result = try FeedFixture.read(xml: "<rss><channel><item><guid>d</guid><pubDate>\(raw)</pubDate></item></channel></rss>")
        #expect(result.error == nil)
        let record = try #require(result.records.first)
        #expect(record.fields[Field.published] == iso, "\(raw)")
        #expect(record.extras["publishedRaw"] == raw)
    }

    @Test func sameRankDatesKeepTheLastAndPreferredRanksWin() throws {
        let result = try FeedFixture.read(
            xml: """
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id>
                <updated>2010-12-01T10:14:55Z</updated><updated>2003-12-31T10:14:55Z</updated></entry>
                <entry><id>b</id><updated>2001-01-01T00:00:00Z</updated><published>2002-02-02T00:00:00Z</published></entry></feed>
                """
        )
        #expect(result.records.map { $0.fields[Field.published] } == ["2003-12-31T10:14:55Z", "2002-02-02T00:00:00Z"])
    }
}
