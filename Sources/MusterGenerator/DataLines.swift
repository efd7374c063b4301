internal import Foundation
internal import MusterCore

/// The data lines of a small CSV the generator writes and the scorer reads back (`truth.csv`,
/// `people.csv`): every line after the header, without its line ending (LF or CRLF), empty
/// lines skipped, each with its 1-based line number for errors.
enum DataLines {
    static func read(_ path: String, describing what: String) throws(MusterError) -> [(number: Int, text: String)] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw MusterError(.unreadableInput, "cannot read the \(what) \(path)", underlying: error)
        }
        var lines: [(number: Int, text: String)] = []
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where index > 0 {
            let bytes = line.last == 0x0D ? line.dropLast() : line
            if !bytes.isEmpty { lines.append((index + 1, String(decoding: bytes, as: UTF8.self))) }
        }
        return lines
    }
}
