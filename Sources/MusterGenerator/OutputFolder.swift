internal import Foundation
import MusterCore

/// The folder being generated: opens its files, keeps the ground truth (`truth.csv`) and
/// counts what each file received.
final class OutputFolder {
    /// One written file, for the summary.
    struct FileEntry {
        var path: String
        var channel: Channel
        var records = 0
        var bytes = 0
    }

    let root: String
    private let truth: ByteSink
    /// `people.csv`: who lives with whom, so the scorer can say why it merged people.
    private let people: ByteSink
    private(set) var files: [FileEntry] = []

    init(root: String) throws(MusterError) {
        self.root = root
        do {
            for folder in ["sheets", "exports", "feeds"] {
                try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            }
        } catch {
            throw MusterError(.io, "cannot create the output folders in \(root)", underlying: error)
        }
        truth = try ByteSink(path: "truth.csv", absolutePath: root + "/truth.csv")
        truth.append("ref,person_id,invalid_reason\n" as StaticString)
        people = try ByteSink(path: "people.csv", absolutePath: root + "/people.csv")
        people.append("person_id,household,twin_of,sessions,name\n" as StaticString)
    }

    /// One line of `people.csv`: `T0000042,H0000017,T0000041,WUIB-TBT-03 DIGI-TBT-01,Siti Aminah`
    /// (no twin: empty).
    func person(_ person: Person, sessions: [String]) throws(MusterError) {
        people.append(person.id)
        people.append(",H" as StaticString)
        people.append(person.household, width: 7)
        people.append(byte: UInt8(ascii: ","))
        if let twin = person.twinOf {
            people.append(byte: UInt8(ascii: "T"))
            people.append(twin, width: 7)
        }
        people.append(byte: UInt8(ascii: ","))
        people.append(sessions.joined(separator: " "))
        people.append(byte: UInt8(ascii: ","))
        people.append(person.words.joined(separator: " "))
        people.append(byte: 0x0A)
        try people.flushIfFull()
    }

    /// Opens `path` (relative to the folder) for `channel`.
    func open(_ path: String, channel: Channel) throws(MusterError) -> ByteSink {
        files.append(FileEntry(path: path, channel: channel))
        return try ByteSink(path: path, absolutePath: root + "/" + path)
    }

    /// Closes a file, noting its size and how many records it holds.
    func close(_ sink: ByteSink, records: Int) throws(MusterError) {
        try sink.close()
        if let index = files.lastIndex(where: { $0.path == sink.path }) {
            files[index].bytes = sink.count
            files[index].records = records
        }
    }

    /// One truth line: `FILE#LOCATOR,person_id,invalid_reason`; a programme record (a news
    /// item) has neither a person nor a reason.
    func record(file: String, locator: (StaticString, Int), suffix: String? = nil, person: Person?, defect: Defect?) throws(MusterError) {
        truth.append(file)
        truth.append(byte: UInt8(ascii: "#"))
        truth.append(locator.0)
        truth.append(locator.1)
        if let suffix { truth.append(suffix) }
        finishTruth(person: person, defect: defect)
        try truth.flushIfFull()
    }

    /// A truth line for a feed locator (`item:GUID` or `item:GUID/row:N`).
    func record(file: String, item guid: String, row: Int?, person: Person?, defect: Defect?) throws(MusterError) {
        truth.append(file)
        truth.append("#item:" as StaticString)
        truth.append(guid)
        if let row {
            truth.append("/row:" as StaticString)
            truth.append(row)
        }
        finishTruth(person: person, defect: defect)
        try truth.flushIfFull()
    }

    /// Signature and totals lines written, each one invalid record with no person.
    private(set) var footers = 0

    /// The truth line of a signature or totals line at `row:LINE`: no person behind it, and
    /// invalid as `malformed-record`, because the importer rejects it.
    func footer(file: String, line: Int) throws(MusterError) {
        footers += 1
        try record(file: file, locator: ("row:", line), person: nil, defect: .malformedRecord)
    }

    private func finishTruth(person: Person?, defect: Defect?) {
        truth.append(byte: UInt8(ascii: ","))
        if let person {
            truth.append(byte: UInt8(ascii: "T"))
            truth.append(person.number, width: 7)
        }
        truth.append(byte: UInt8(ascii: ","))
        if let defect { truth.append(defect.rawValue) }
        truth.append(byte: 0x0A)
    }

    func finish() throws(MusterError) {
        try truth.close()
        try people.close()
    }

    var truthBytes: Int { truth.count + people.count }
}
