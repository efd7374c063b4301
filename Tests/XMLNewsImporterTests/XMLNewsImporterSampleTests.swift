import Foundation
import MusterCore
import MusterTesting
import Testing
import XMLNewsImporter

/// The repository's sample feed, the synthetic Indonesian feeds, the conformance suite and
/// the importer's options.
@Suite struct XMLNewsImporterSampleTests {
    static let sample = RepositoryPaths.sampleFile("feeds/berita-sudin-ppkukm.xml")
    static let synthetic = RepositoryPaths.corpora + "/feeds/id-synthetic"

    static func corpusFile(_ folder: String, _ name: String) -> SourceFile {
        SourceFile(path: "corpora/\(name)", absolutePath: folder + "/" + name)
    }

    static func expected() throws -> JSONValue {
        try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: synthetic + "/expected.json"))))
    }

    static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let list)? = value else { return [] }
        return list.compactMap(\.scalarText)
    }

    @Test func sampleFeed() throws {
        let result = FeedFixture.read(Self.sample)
        #expect(result.error == nil)
        #expect(result.rejected.isEmpty)
        #expect(
            result.programmes.map(\.provenance.locator) == [
                "item:ppkukm-jaksel-20240920-mesin-jahit-alumni", "item:ppkukm-jaksel-20240905-sertifikasi-halal",
                "item:ppkukm-jaksel-20240829-wuib-tas-kby-baru", "item:ppkukm-jaksel-20240826-peserta-wuib-kby-baru",
            ]
        )
        #expect(result.participants.count == 25)
        let guid = "ppkukm-jaksel-20240826-peserta-wuib-kby-baru"
        let first = try #require(result.record("item:\(guid)/row:1"))
        #expect(first.fields == [Field.name: "Agus Manurung", Field.kelurahan: "Rawa Barat", Field.sector: "Kuliner & Katering"])
        #expect(first.extras == ["No": "1"])
        let title = "Daftar Peserta yang Diterima Pelatihan WUIB Kerajinan Tas Kecamatan Kebayoran Baru"
        #expect(first.enrollments == [Enrollment(programme: guid, title: title, date: "2024-08-26T10:00:00+07:00")])
        #expect(result.record("item:\(guid)/row:5")?.fields[Field.name] == "Ibu Eka Purnamasari")
        #expect(result.record("item:\(guid)/row:25")?.fields[Field.name] == "Yuliani Tambunan, S.Pd.")

        let alumni = try #require(result.record("item:ppkukm-jaksel-20240920-mesin-jahit-alumni"))
        #expect(alumni.fields[Field.author] == "Tim Humas Sudin PPKUKM")
        #expect(alumni.fields[Field.categories] == "Bantuan Usaha")
        #expect(alumni.fields[Field.published] == "2024-09-20T14:30:00+07:00")
        #expect(alumni.extras["publishedRaw"] == "Fri, 20 Sep 2024 14:30:00 +0700")
        #expect(alumni.fields[Field.text]?.contains("menerima bantuan mesin jahit portabel di aula") == true)
        #expect(alumni.fields[Field.text]?.contains("tote bag & tas serut") == true)
        #expect(!result.allValues.contains { $0.contains("<") && $0.contains(">") })
    }

    @Test func syntheticRSS2() throws {
        let expected = try Self.expected()["jaksel_pelatihan_rss2.xml"]
        let result = FeedFixture.read(Self.corpusFile(Self.synthetic, "jaksel_pelatihan_rss2.xml"))
        #expect(result.error == nil)
        let items = result.records.filter { $0.kind == .programme }
        #expect(items.count == expected?["item_elements"].flatMap(\.scalarText).flatMap { Int($0) })
        let guids = Self.strings(expected?["guids_in_order"])
        let titles = Self.strings(expected?["titles_in_order"])
        #expect(guids.count == 5 && titles.count == 5)
        var seen: Set<String> = []
        let distinctGuids = guids.filter { seen.insert($0).inserted }
        #expect(distinctGuids.count == expected?["distinct_guids"]?.scalarText.flatMap { Int($0) })
        #expect(items.map { $0.fields[Field.guid] ?? "" } == guids)
        #expect(items.map { $0.fields[Field.title] ?? "" } == titles)
        #expect(result.programmes.map { $0.fields[Field.guid] ?? "" } == distinctGuids)

        // Item 4 repeats item 2: reported once, not imported twice.
        let repeated = try #require(result.rejected.first)
        #expect(result.rejected.count == 1)
        #expect(repeated.provenance.locator == "item:https://berita.example.invalid/berita/1002/daftar-peserta-tas-serut-kebagusan/line:52")
        #expect(repeated.rejection?.message == "repeated guid; the item at line 25 has the same guid")

        let second = try #require(result.programmes.dropFirst().first)
        // content:encoded wins over the description; entities are decoded by the HTML step.
        #expect(second.fields[Field.text]?.hasPrefix("Peserta yang diterima: Ibu Siti Rahmawati, S.E. – Kel. Kebagusan, Kec. Ps. Minggu") == true)
        #expect(second.fields[Field.text]?.contains("Hj. Nur Aini – Kel. Ragunan") == true)
        let first = try #require(result.programmes.first)
        #expect(first.fields[Field.text]?.contains("wirausaha industri baru (WUIB)") == true)
        #expect(first.fields[Field.categories] == "UMKM")
        // The Indonesian date becomes ISO 8601 with WIB's offset; the text is kept beside it.
        #expect(result.programmes[2].fields[Field.published] == "2024-09-02T07:30:00+07:00")
        #expect(result.programmes[2].extras["publishedRaw"] == "Senin, 02 September 2024 07:30 WIB")
        #expect(result.programmes[2].fields[Field.title] == "Sertifikasi halal gratis untuk UMKM di Kebayoran Baru & Kebayoran Lama")
        #expect(result.programmes[3].fields[Field.text] == nil)
        // The listed participants are an <ol>, not a table: no participant records.
        #expect(result.participants.isEmpty)
    }

    @Test func syntheticAtom() throws {
        let expected = try Self.expected()["jaksel_pelatihan_atom.xml"]
        let result = FeedFixture.read(Self.corpusFile(Self.synthetic, "jaksel_pelatihan_atom.xml"))
        #expect(result.error == nil)
        let ids = Self.strings(expected?["ids_in_order"])
        #expect(ids.count == 3)
        #expect(result.records.map { $0.fields[Field.guid] ?? "" } == ids)
        #expect(result.records.map(\.provenance.locator) == ids.map { "item:" + $0 })
        #expect(result.records[0].fields[Field.link] == "https://berita.example.invalid/berita/2001/peserta-fesyen-cipete-utara")
        #expect(result.records[0].fields[Field.published] == "2024-09-02T09:00:00+07:00")
        #expect(result.records[0].fields[Field.text] == "Peserta yang diterima: Mohammad Fajar M. Fajar, S.Pd. Ibu Dewi Lestari dewi lestari")
        // The title is type="html": its text, with no markup, reaches the record.
        #expect(result.records[1].fields[Field.title] == "Pelatihan tas jinjing gelombang kedua di Setiabudi")
        #expect(result.records[1].fields[Field.text] == "Pelatihan digelar di Kelurahan Setia Budi, Kecamatan Setiabudi, 16–17 September 2024.")
        #expect(result.records[2].fields[Field.link] == nil)
        #expect(result.records[2].fields[Field.published] == "2024-08-31T08:00:00Z")
        #expect(result.records.allSatisfy { $0.fields[Field.author] == nil })
    }

    @Test func conformance() throws {
        let directory = try TemporaryDirectory("xml-news-conformance")
        defer { directory.remove() }
        let malformed = try FeedFixture.file(
            directory, "rusak.xml", "<rss><channel><item><guid>a</guid><title>Siti Aminah</title></item><item><title>Budi</channel></rss>"
        )
        let empty = try FeedFixture.file(directory, "kosong.xml", "<rss version=\"2.0\"><channel><title>Kosong</title></channel></rss>")
        let failures = ImporterConformance(importer: XMLNewsImporter(options: .init()))
            .run(valid: Self.sample, malformed: malformed, empty: empty, personalValues: ["Siti Aminah", "Budi", "Agus Manurung"])
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func emptyOptionsGiveTheDefaults() throws {
        let options = try ConfigDecoder(file: "pipeline.json").decode(XMLNewsImporter.Options.self, from: .object([]))
        #expect(options.participantTables)
        #expect(options.maxFieldBytes == 1_048_576)
        #expect(XMLNewsImporter.descriptor.id == "xml-news")
        #expect(XMLNewsImporter.descriptor.options.map(\.name) == ["participantTables", "maxFieldBytes"])
    }

    @Test func badOptionsSayWhatWasExpected() throws {
        let decoder = ConfigDecoder(file: "pipeline.json")
        #expect {
            try decoder.decode(XMLNewsImporter.Options.self, from: .object([("maxFieldBytes", .number("12"))]), at: "sources[0].options")
        } throws: { error in
            "\(error)" == "pipeline.json: sources[0].options.maxFieldBytes: expected an integer between 1024 and 10000000, found 12"
        }
        #expect {
            try decoder.decode(XMLNewsImporter.Options.self, from: .object([("participantTable", .bool(false))]), at: "sources[0].options")
        } throws: { error in
            "\(error)".contains("did you mean 'participantTables'?")
        }
    }
}
