import MusterCore

/// Writes news feeds: RSS 2.0 (participant tables as HTML in `content:encoded` CDATA) and
/// Atom (the same HTML escaped in `<content type="html">`). Every item is a programme
/// record (`item:GUID`); every table row a participant record (`item:GUID/row:N`). Some
/// items are news without a table.
final class FeedWriter {
    private let channel: Channel
    private let folder: OutputFolder
    private let capacity: Int
    private var random: SplitMix64
    private var sink: ByteSink?
    private var fileNumber = 0
    private var itemNumber = 0
    /// Records in the current file: items and rows.
    private var records = 0
    private var rowsInFile = 0
    /// The open item's guid.
    private var guid = ""

    init(channel: Channel, folder: OutputFolder, capacity: Int, random: SplitMix64) {
        self.channel = channel
        self.folder = folder
        self.capacity = capacity
        self.random = random
    }

    private var isAtom: Bool { channel == .atomTable }

    /// Announces a full session with a table of its rows (some after a news item without a
    /// table).
    func write(session: Session, drafts: [RecordDraft]) throws(MusterError) {
        let sink = try currentSink()
        if random.chance(0.3) { try openItem(sink, for: session, withTable: false) }
        try openItem(sink, for: session, withTable: true)
        for (index, draft) in drafts.enumerated() { try row(draft, number: index + 1, sink) }
        closeItem(sink)
        if rowsInFile >= capacity { try closeFile() } else { try sink.flushIfFull() }
    }

    private func row(_ draft: RecordDraft, number: Int, _ sink: ByteSink) throws(MusterError) {
        rowsInFile += 1
        records += 1
        text("<tr><td>\(number)</td><td>", sink)
        let bold = random.chance(0.1) && !draft.name.isEmpty
        if bold { text("<b>", sink) }
        html(draft.name, sink)
        if bold { text("</b>", sink) }
        text("</td><td>", sink)
        html(draft.kelurahan, sink)
        text("</td><td>", sink)
        html(draft.sector, sink)
        if draft.defect == .malformedRecord { text("</td><td>lihat catatan", sink) }
        text("</td></tr>\n", sink)
        try folder.record(file: sink.path, item: guid, row: number, person: draft.person, defect: draft.defect)
    }

    func finish() throws(MusterError) {
        try closeFile()
    }

    private func currentSink() throws(MusterError) -> ByteSink {
        if let sink { return sink }
        fileNumber += 1
        let sink: ByteSink
        if isAtom {
            sink = try folder.open("feeds/kabar-umkm-atom-\(pad(fileNumber, 4)).xml", channel: channel)
            sink.append(
                """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
                  <title>Kabar UMKM Jakarta Selatan</title>
                  <id>https://berita.example.invalid/kabar-umkm/</id>
                  <updated>2024-09-20T16:05:00+07:00</updated>
                  <link rel="self" href="https://berita.example.invalid/kabar-umkm/atom.xml"/>

                """ as StaticString)
        } else {
            sink = try folder.open("feeds/berita-sudin-ppkukm-\(pad(fileNumber, 4)).xml", channel: channel)
            sink.append(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel>
                    <title>Berita Suku Dinas PPKUKM Jakarta Selatan</title>
                    <link>https://berita.example.invalid/</link>
                    <description>Kabar kegiatan perindustrian, perdagangan, koperasi, usaha kecil dan menengah di Jakarta Selatan</description>
                    <language>id</language>

                """ as StaticString)
        }
        self.sink = sink
        records = 0
        rowsInFile = 0
        return sink
    }

    private func openItem(_ sink: ByteSink, for session: Session, withTable: Bool) throws(MusterError) {
        itemNumber += 1
        let kecamatan = Kecamatan.all[session.kecamatan]
        let (day, month) = (session.day, session.month)
        guid = (isAtom ? "https://berita.example.invalid/kabar-umkm/entri-" : "ppkukm-jaksel-") + pad(itemNumber, 6)
        let title =
            withTable
            ? "Daftar Peserta " + session.title
            : "Pelaku UMKM Kecamatan \(kecamatan.name) Diajak Urus Sertifikat Halal"
        let link = "https://berita.example.invalid/2024/\(pad(month, 2))/\(pad(day, 2))/berita-\(pad(itemNumber, 6))"
        if isAtom {
            sink.append("  <entry>\n    <title>\(title)</title>\n    <id>\(guid)</id>\n    <link href=\"\(link)\"/>\n")
            sink.append(
                "    <published>2024-\(pad(month, 2))-\(pad(day, 2))T10:00:00+07:00</published>\n    <author><name>Tim Humas Sudin PPKUKM</name></author>\n")
            sink.append("    <content type=\"html\">")
        } else {
            sink.append("    <item>\n      <title>\(title)</title>\n      <link>\(link)</link>\n      <guid isPermaLink=\"false\">\(guid)</guid>\n")
            sink.append("      <pubDate>\(pad(day, 2)) \(["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"][month - 6]) 2024 10:00:00 +0700</pubDate>\n")
            sink.append("      <dc:creator>Tim Humas Sudin PPKUKM</dc:creator>\n      <content:encoded><![CDATA[")
        }
        text(
            "<p>Berikut daftar peserta yang diterima dalam \(session.programme.lowercased()) di Kantor Kecamatan \(kecamatan.name), \(day)&ndash;\(day + 1) \(ValueVariation.monthsID[month - 1]) 2024.</p>\n",
            sink)
        try folder.record(file: sink.path, item: guid, row: nil, person: nil, defect: nil)
        records += 1
        guard withTable else {
            text("<p>Pendampingan dilakukan di kantor kelurahan setiap Selasa dan Kamis.</p>", sink)
            sink.append(isAtom ? "</content>\n  </entry>\n" as StaticString : "]]></content:encoded>\n    </item>\n")
            return
        }
        let header =
            "<table border=\"1\">\n<thead><tr><th>No</th><th>\(random.pick(["Nama", "Nama Peserta", "Nama Lengkap"]))</th>"
            + "<th>\(random.pick(["Kelurahan", "Kel."]))</th><th>\(random.pick(["Jenis Usaha", "Bidang Usaha"]))</th></tr></thead>\n<tbody>\n"
        text(header, sink)
    }

    private func closeItem(_ sink: ByteSink) {
        text("</tbody>\n</table>\n<p>Peserta diharapkan hadir pukul 08.00 WIB dengan membawa fotokopi KTP.</p>", sink)
        sink.append(isAtom ? "</content>\n  </entry>\n" as StaticString : "]]></content:encoded>\n    </item>\n")
    }

    private func closeFile() throws(MusterError) {
        guard let sink else { return }
        sink.append(isAtom ? "</feed>\n" as StaticString : "  </channel>\n</rss>\n")
        try folder.close(sink, records: records)
        self.sink = nil
    }

    /// HTML markup: as is inside RSS CDATA, escaped once more inside Atom's text content.
    private func text(_ markup: String, _ sink: ByteSink) {
        guard isAtom, markup.utf8.contains(where: Self.isSpecial) else {
            sink.append(markup)
            return
        }
        for byte in markup.utf8 { escapeXML(byte, sink) }
    }

    /// A cell's text: escaped for HTML, and for Atom escaped again for XML.
    private func html(_ value: String, _ sink: ByteSink) {
        guard value.utf8.contains(where: Self.isSpecial) else {
            sink.append(value)
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): text("&amp;", sink)
            case UInt8(ascii: "<"): text("&lt;", sink)
            case UInt8(ascii: ">"): text("&gt;", sink)
            default: sink.append(byte: byte)
            }
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
    }

    private func escapeXML(_ byte: UInt8, _ sink: ByteSink) {
        switch byte {
        case UInt8(ascii: "&"): sink.append("&amp;" as StaticString)
        case UInt8(ascii: "<"): sink.append("&lt;" as StaticString)
        case UInt8(ascii: ">"): sink.append("&gt;" as StaticString)
        default: sink.append(byte: byte)
        }
    }
}
