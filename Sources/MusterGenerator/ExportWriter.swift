import MusterCore

/// Writes Jakpreneur platform exports: JSON documents (`{"meta": …, "data": {"items": […]}}`,
/// pretty-printed) and NDJSON updates (one object per line, the odd blank or cut-off line),
/// with the truth line of every record (`$.data.items[I]` or `line:N`).
final class ExportWriter {
    private let channel: Channel
    private let folder: OutputFolder
    private let capacity: Int
    private var random: SplitMix64
    private var sink: ByteSink?
    private var fileNumber = 0
    private var records = 0
    /// NDJSON: the line the next record is written on.
    private var line = 1

    init(channel: Channel, folder: OutputFolder, capacity: Int, random: SplitMix64) {
        self.channel = channel
        self.folder = folder
        self.capacity = capacity
        self.random = random
    }

    private var isDocument: Bool { channel == .jsonDocument }

    func write(_ draft: RecordDraft) throws(MusterError) {
        let sink = try currentSink()
        if isDocument {
            if records > 0 { sink.append(",\n" as StaticString) }
            item(draft, sink)
            try folder.record(file: sink.path, locator: ("$.data.items[", records), suffix: "]", person: draft.person, defect: draft.defect)
        } else {
            if random.chance(0.002) {
                sink.append(byte: 0x0A)
                line += 1
            }
            if draft.defect == .malformedRecord {
                // A line cut off mid-record, as an interrupted export leaves it.
                sink.append("{\"id\": \"JP-2024-" as StaticString)
                sink.append(draft.person.platformID, width: 5)
                sink.append("\", \"nama\": \"" as StaticString)
                sink.append(String(draft.name.prefix(4)))
            } else {
                item(draft, sink)
            }
            sink.append(byte: 0x0A)
            try folder.record(file: sink.path, locator: ("line:", line), person: draft.person, defect: draft.defect)
            line += 1
        }
        records += 1
        if records >= capacity { try closeFile() } else { try sink.flushIfFull() }
    }

    func finish() throws(MusterError) {
        try closeFile()
    }

    private func currentSink() throws(MusterError) -> ByteSink {
        if let sink { return sink }
        fileNumber += 1
        let sink: ByteSink
        if isDocument {
            sink = try folder.open("exports/jakpreneur-export-\(pad(fileNumber, 4)).json", channel: channel)
            sink.append("{\n  \"meta\": {\n    \"sumber\": \"Jakpreneur\",\n    \"wilayah\": \"Kota Administrasi Jakarta Selatan\",\n" as StaticString)
            sink.append("    \"diekspor_pada\": \"2024-09-\(pad(1 + fileNumber % 28, 2))T08:30:12+07:00\",\n    \"halaman\": \(fileNumber),\n" as String)
            sink.append("    \"versi_skema\": \"2.1\"\n  },\n  \"data\": {\n    \"items\": [\n" as StaticString)
        } else {
            sink = try folder.open("exports/jakpreneur-updates-\(pad(fileNumber, 4)).ndjson", channel: channel)
            line = 1
        }
        self.sink = sink
        records = 0
        return sink
    }

    private func closeFile() throws(MusterError) {
        guard let sink else { return }
        if isDocument { sink.append("\n    ]\n  }\n}\n" as StaticString) }
        try folder.close(sink, records: records)
        self.sink = nil
    }

    /// One participant object; in a document each member sits on its own line.
    private func item(_ draft: RecordDraft, _ sink: ByteSink) {
        let person = draft.person
        sink.append(isDocument ? "      {" as StaticString : "{")
        key("\"id\": \"JP-2024-", sink, first: true)
        sink.append(person.platformID, width: 5)
        sink.append(byte: 0x22)
        key("\"nama\": ", sink)
        string(draft.name, sink)
        key("\"nik\": ", sink)
        value(draft.nik, number: draft.nikAsNumber, sink)
        // Updates come from two versions of the platform: places nested under `alamat` or
        // `domisili`, or everything flat.
        let shape = isDocument ? 0 : random.below(3)
        if shape == 2 {
            key("\"no_hp\": ", sink)
            value(draft.phone, number: draft.phoneAsNumber, sink)
            key("\"email\": ", sink)
            value(draft.email, number: false, sink)
        } else {
            key("\"kontak\": {\"hp\": ", sink)
            value(draft.phone, number: draft.phoneAsNumber, sink)
            sink.append(", \"email\": " as StaticString)
            value(draft.email, number: false, sink)
            sink.append(byte: UInt8(ascii: "}"))
        }
        key("\"tgl_lahir\": ", sink)
        string(draft.birthDate, sink)
        key("\"jenis_kelamin\": ", sink)
        string(draft.gender, sink)
        switch shape {
        case 0: nestedPlace(draft, keys: ("\"alamat\": {\"jalan\": ", ", \"kelurahan\": ", ", \"kecamatan\": "), sink)
        case 1: nestedPlace(draft, keys: ("\"domisili\": {\"alamat\": ", ", \"kel\": ", ", \"kec\": "), sink)
        default:
            key("\"alamat\": ", sink)
            string(person.address, sink)
            key("\"kelurahan\": ", sink)
            string(draft.kelurahan, sink)
            key("\"kecamatan\": ", sink)
            string(draft.kecamatan, sink)
        }
        key("\"jenis_usaha\": ", sink)
        string(draft.sector, sink)
        // The platform names the training by its session code and full title.
        key("\"pelatihan\": [{\"kode\": \"", sink)
        sink.append(draft.session.code)
        sink.append("\", \"nama\": \"" as StaticString)
        sink.append(draft.session.title)
        sink.append("\", \"tanggal\": \"" as StaticString)
        sink.append(draft.session.isoDate)
        if random.chance(0.6) {
            sink.append("\", \"status\": \"" as StaticString)
            sink.append(RecordRenderer.status(random: &random))
        }
        sink.append("\"}]" as StaticString)
        sink.append(isDocument ? "\n      }" as StaticString : "}")
    }

    /// The address, kelurahan and kecamatan in one object, under the given keys.
    private func nestedPlace(_ draft: RecordDraft, keys: (StaticString, StaticString, StaticString), _ sink: ByteSink) {
        key(keys.0, sink)
        string(draft.person.address, sink)
        sink.append(keys.1)
        string(draft.kelurahan, sink)
        sink.append(keys.2)
        string(draft.kecamatan, sink)
        sink.append(byte: UInt8(ascii: "}"))
    }

    /// A member's separator and indentation, then its key text.
    private func key(_ text: StaticString, _ sink: ByteSink, first: Bool = false) {
        if isDocument {
            sink.append(first ? "\n        " as StaticString : ",\n        ")
        } else if !first {
            sink.append(", " as StaticString)
        }
        sink.append(text)
    }

    /// A value as a JSON string, number or null (empty).
    private func value(_ text: String, number: Bool, _ sink: ByteSink) {
        if text.isEmpty {
            sink.append("null" as StaticString)
        } else if number {
            sink.append(text)
        } else {
            string(text, sink)
        }
    }

    private func string(_ text: String, _ sink: ByteSink) {
        sink.append(byte: 0x22)
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) else {
            sink.append(text)
            sink.append(byte: 0x22)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22, 0x5C:
                sink.append(byte: 0x5C)
                sink.append(byte: byte)
            case 0x0A: sink.append("\\n" as StaticString)
            case ..<0x20: sink.append("\\u00" + (byte < 16 ? "0" : "") + String(byte, radix: 16))
            default: sink.append(byte: byte)
            }
        }
        sink.append(byte: 0x22)
    }
}
