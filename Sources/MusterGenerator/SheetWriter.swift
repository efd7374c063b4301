import MusterCore

/// Writes sign-up and attendance sheets in the three CSV styles the office receives, one
/// session per file (named by its code, rows held until the session is full), recap sheets
/// of many sessions, and the truth line of every row (`row:N`, the physical line the row
/// starts on, counting title rows, blank lines and line breaks inside quoted cells).
final class SheetWriter {
    private let channel: Channel
    private let folder: OutputFolder
    private let capacity: Int
    private var random: SplitMix64
    private var sink: ByteSink?
    private var fileNumber = 0
    private var rows = 0
    /// The line the next row starts on.
    private var line = 1
    private var minute = 0
    /// The sign-up form this file was exported from: its headers and their order.
    private var form = SignupForm.all[0]

    init(channel: Channel, folder: OutputFolder, capacity: Int, random: SplitMix64) {
        self.channel = channel
        self.folder = folder
        self.capacity = capacity
        self.random = random
    }

    private var isExcel: Bool { channel == .excelAttendance || channel == .recapSheet }
    private var delimiter: UInt8 { isExcel ? UInt8(ascii: ";") : UInt8(ascii: ",") }
    private var newline: StaticString { isExcel ? "\r\n" : "\n" }

    /// Writes a row of a sheet that is not one session's (a recap).
    func write(_ draft: RecordDraft) throws(MusterError) {
        try writeRow(draft, into: try currentSink())
    }

    /// Writes a full session's rows, in an order of their own, into its file.
    func write(session: Session, drafts: [RecordDraft]) throws(MusterError) {
        var drafts = drafts
        for index in drafts.indices.dropLast().reversed() { drafts.swapAt(index, index + random.below(drafts.count - index)) }
        let sink = try open(session)
        for draft in drafts { try writeRow(draft, into: sink) }
        try closeFile()
    }

    private func writeRow(_ draft: RecordDraft, into sink: ByteSink) throws(MusterError) {
        let startLine = line
        rows += 1
        switch channel {
        case .signupSheet:
            minute += random.within(1...240)
            for (index, column) in form.columns.enumerated() {
                cell(value(column, draft), sink, first: index == 0)
            }
            if draft.defect == .malformedRecord { cell("lihat lampiran", sink) }
        case .excelAttendance:
            numberedPerson(draft, sink)
            cell(mark(["v", "v", "v", "1", "", "x"]), sink)
            cell(mark(["v", "v", "v", "1", "", "x"]), sink)
            if draft.defect == .malformedRecord { cell("pindah sesi", sink) }
        case .recapSheet:
            numberedPerson(draft, sink)
            cell(draft.trainingTitle, sink)
            cell(draft.trainingDate, sink)
            cell(draft.status, sink)
            if draft.defect == .malformedRecord { cell("lihat catatan", sink) }
        default:
            cell(draft.name, sink, first: true)
            cell(draft.nik, sink)
            cell(draft.phone, sink)
            cell(draft.kelurahan, sink)
            cell(mark(["✓", "✓", "✓", ""]), sink)
            cell(mark(["✓", "✓", ""]), sink)
            if draft.defect == .malformedRecord { cell("catatan", sink) }
        }
        sink.append(newline)
        line += 1 + draft.sector.utf8.count { $0 == 0x0A }
        try folder.record(file: sink.path, locator: ("row:", startLine), person: draft.person, defect: draft.defect)
        if !channel.isPerSession && rows >= capacity { try closeFile() } else { try sink.flushIfFull() }
    }

    func finish() throws(MusterError) {
        try closeFile()
    }

    /// The open recap sheet, or a new one.
    private func currentSink() throws(MusterError) -> ByteSink {
        if let sink { return sink }
        fileNumber += 1
        let kecamatan = random.pick(Kecamatan.all)
        let sink = try folder.open("sheets/rekap-pelatihan-\(kecamatan.short)-\(pad(fileNumber, 4)).csv", channel: channel)
        sink.append("REKAP PESERTA PELATIHAN KECAMATAN \(kecamatan.name.uppercased()) TAHUN 2024;;;;;;;;\r\n;;;;;;;;\r\n" as String)
        sink.append("NO;NAMA;NIK;NO HP;KELURAHAN;KECAMATAN;PELATIHAN;TGL PELATIHAN;STATUS\r\n" as StaticString)
        return started(sink, line: 4)
    }

    /// A session's own sheet, named by its code as offices name them.
    private func open(_ session: Session) throws(MusterError) -> ByteSink {
        let kecamatan = Kecamatan.all[session.kecamatan]
        switch channel {
        case .signupSheet:
            let sink = try folder.open("sheets/pendaftaran-\(session.code).csv", channel: channel)
            form = random.pick(SignupForm.all)
            sink.append(form.header + "\n")
            return started(sink, line: 2)
        case .excelAttendance:
            let sink = try folder.open("sheets/daftar-hadir-\(session.code).csv", channel: channel)
            sink.append(
                "DAFTAR HADIR \(session.programme.uppercased()) ANGKATAN \(session.batch);;;;;;;\r\nKecamatan \(kecamatan.name), \(session.day)" as String)
            sink.append(byte: 0x96)  // an en dash in Windows-1252
            sink.append("\(session.day + 1) \(ValueVariation.monthsID[session.month - 1]) 2024;;;;;;;\r\n;;;;;;;\r\n" as String)
            sink.append("No;NAMA PESERTA;NIK;No. HP;Kel.;Kec.;Hari 1;Hari 2\r\n" as StaticString)
            return started(sink, line: 5)
        default:
            let sink = try folder.open("sheets/absensi-\(session.code).csv", channel: channel)
            sink.append("\u{FEFF}Nama,No. KTP,Telp,Kelurahan,Hari 1,Hari 2\n" as String)
            return started(sink, line: 2)
        }
    }

    private func started(_ sink: ByteSink, line: Int) -> ByteSink {
        self.sink = sink
        self.line = line
        rows = 0
        minute = random.within(0...600)
        return sink
    }

    private func closeFile() throws(MusterError) {
        guard let sink else { return }
        var footers = 0
        if channel == .excelAttendance {
            // Printed attendance sheets end with a total and a signature block; the importer
            // must reject those lines, not take them for people.
            if random.chance(0.2) {
                for text in ["Jumlah peserta: \(rows) orang", "Mengetahui,", "Kepala Seksi Perindustrian"] {
                    sink.append(";" + text + ";;;;;;\r\n")
                    try folder.footer(file: sink.path, line: line)
                    line += 1
                    footers += 1
                }
            }
            sink.append(";;;;;;;\r\n" as StaticString)
        }
        try folder.close(sink, records: rows + footers)
        self.sink = nil
    }

    /// An Excel sheet's first cells: the row number, name, NIK, phone, kelurahan, kecamatan.
    private func numberedPerson(_ draft: RecordDraft, _ sink: ByteSink) {
        sink.append(rows)
        for value in [draft.name, draft.nik, draft.phone, draft.kelurahan, draft.kecamatan] { cell(value, sink) }
    }

    /// One sign-up form column's value on a row.
    private func value(_ column: SignupForm.Column, _ draft: RecordDraft) -> String {
        switch column {
        case .timestamp: timestamp()
        case .name: draft.name
        case .nik: draft.nik
        case .phone: draft.phone
        case .email: draft.email
        case .birthDate: draft.birthDate
        case .birthPlaceAndDate:
            // People type this answer: an Excel serial never follows the place.
            draft.birthDate.isEmpty
                ? ""
                : draft.person.birthPlace + ", "
                    + (draft.birthDate.allSatisfy(\.isNumber)
                        ? "\(pad(draft.person.birthDay, 2))/\(pad(draft.person.birthMonth, 2))/\(draft.person.birthYear)" : draft.birthDate)
        case .gender: draft.gender
        case .address: draft.address
        case .kelurahan: draft.kelurahan
        case .kecamatan: draft.kecamatan
        case .sector: draft.sector
        }
    }

    private func mark(_ choices: [String]) -> String {
        random.pick(choices)
    }

    /// A Google Forms timestamp, rows a few minutes to hours apart.
    private func timestamp() -> String {
        let day = 1 + minute / 1440 % 28
        let hour24 = minute / 60 % 24
        let hour = hour24 % 12 == 0 ? 12 : hour24 % 12
        return "2024/08/\(pad(day, 2)) \(hour):\(pad(minute % 60, 2)):\(pad(random.below(60), 2)) \(hour24 < 12 ? "AM" : "PM") GMT+7"
    }

    /// One cell, quoted when it holds the delimiter, a quote or a line break.
    private func cell(_ value: String, _ sink: ByteSink, first: Bool = false) {
        if !first { sink.append(byte: delimiter) }
        let needsQuotes = value.utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            sink.append(value)
            return
        }
        sink.append(byte: 0x22)
        for byte in value.utf8 {
            if byte == 0x22 { sink.append(byte: 0x22) }
            sink.append(byte: byte)
        }
        sink.append(byte: 0x22)
    }
}
