internal import Foundation
import MusterCore

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// One sheet file read in 64 KiB chunks, with its encoding decided for the whole file and
/// its bytes handed out ready for libcsv: byte order mark removed, UTF-16 transcoded to UTF-8.
///
/// Without a byte order mark, `auto` takes one fast pass over the whole file to check that
/// it is valid UTF-8 before choosing between UTF-8 and Windows-1252 (a file that has shown
/// enough invalid bytes and no UTF-8 character is not read further). A file that is not
/// valid but holds more well-formed multi-byte characters than invalid sequences is UTF-8
/// with a few stray bytes (a cell pasted in from a Windows-1252 file): it is read as UTF-8,
/// those bytes alone as Windows-1252 (``TextEncoding/utf8WithWindows1252``), and
/// ``strayBytesLine`` says where the first one is.
final class SheetInput {
    static let chunkSize = 64 * 1024
    /// Invalid sequences before any well-formed multi-byte character that settle a file as
    /// Windows-1252 without reading on.
    static let windows1252Evidence = 64

    let encoding: TextEncoding
    /// True when every byte of the file was checked to be valid UTF-8 before reading (auto
    /// without a byte order mark): every cell is then valid too, since libcsv only cuts at
    /// ASCII bytes, and cells need not be checked again one by one.
    let isValidatedUTF8: Bool
    /// The first chunk, decoded; `next()` returns it first.
    let head: [UInt8]
    /// True when `head` is the whole file.
    let headIsWholeFile: Bool
    /// For a UTF-8 file read with stray Windows-1252 bytes, the line of the first.
    let strayBytesLine: Int?

    private let handle: FileHandle
    private let path: String
    private var transcoder: UTF16Transcoder?
    private var headPending = true
    private var atEnd = false

    /// Opens `file`; throws ``MusterError`` `unreadableInput` naming the file when it cannot be read.
    init(_ file: SourceFile, encoding requested: CSVSignupImporter.Options.Encoding) throws {
        path = file.path
        guard let handle = FileHandle(forReadingAtPath: file.absolutePath) else {
            throw MusterError(.unreadableInput, "the file does not exist or cannot be opened", location: "\(file.path):1:1")
        }
        self.handle = handle
        let first = try Self.readChunk(handle, path: file.path)
        headIsWholeFile = first.count < Self.chunkSize
        let decided = try Self.decide(requested, first: first, handle: handle, path: file.path, wholeFile: headIsWholeFile)
        encoding = decided.encoding
        isValidatedUTF8 = decided.validated
        switch decided.encoding {
        case .utf16LittleEndian: transcoder = UTF16Transcoder(bigEndian: false)
        case .utf16BigEndian: transcoder = UTF16Transcoder(bigEndian: true)
        case .utf8, .windows1252, .utf8WithWindows1252: transcoder = nil
        }
        strayBytesLine = try decided.firstStrayByte.map { try Self.line(ofByte: $0, first: first, handle: handle, path: file.path) }
        let body = first.dropFirst(decided.markLength)
        head = transcoder?.transcode(body) ?? Array(body)
    }

    deinit {
        try? handle.close()
    }

    /// The next bytes for libcsv, or nil at the end of the file.
    func next() throws -> [UInt8]? {
        if headPending {
            headPending = false
            return head
        }
        guard !atEnd else { return nil }
        let chunk = try Self.readChunk(handle, path: path)
        guard !chunk.isEmpty else {
            atEnd = true
            let tail = transcoder?.finish() ?? []
            return tail.isEmpty ? nil : tail
        }
        return transcoder?.transcode(chunk) ?? chunk
    }

    private static func decide(
        _ requested: CSVSignupImporter.Options.Encoding, first: [UInt8], handle: FileHandle, path: String, wholeFile: Bool
    ) throws -> (encoding: TextEncoding, markLength: Int, validated: Bool, firstStrayByte: Int?) {
        let mark = TextEncoding.byteOrderMark(in: first)
        switch requested {
        case .windows1252:
            return (.windows1252, 0, false, nil)
        case .utf8:
            return (.utf8, mark?.encoding == .utf8 ? 3 : 0, false, nil)
        case .utf16:
            if let mark, mark.encoding != .utf8 { return (mark.encoding, mark.markLength, false, nil) }
            return (TextEncoding.guessUTF16(in: first) ?? .utf16LittleEndian, 0, false, nil)
        case .auto:
            if let mark { return (mark.encoding, mark.markLength, false, nil) }
            if let guess = TextEncoding.guessUTF16(in: first) { return (guess, 0, false, nil) }
            var validator = UTF8Validator(tallying: true)
            validator.consume(first)
            if !wholeFile {
                // A Windows-1252 file shows itself early: invalid sequences and no UTF-8
                // characters. It is not read to the end, as a valid or mixed file is.
                while validator.multibyteCharacters > 0 || validator.invalidSequences < Self.windows1252Evidence {
                    let chunk = try readChunk(handle, path: path)
                    if chunk.isEmpty { break }
                    validator.consume(chunk)
                }
                try seek(handle, to: first.count, path: path)
            }
            if validator.isComplete { return (.utf8, 0, true, nil) }
            if validator.multibyteCharacters > validator.invalidSequences {
                return (.utf8WithWindows1252, 0, false, validator.firstInvalidOffset)
            }
            return (.windows1252, 0, false, nil)
        }
    }

    /// The line (from 1) holding the byte at `offset`: the line feeds before it, counted in
    /// the first chunk and, past it, in the chunks read again; the handle is left where it was.
    private static func line(ofByte offset: Int, first: [UInt8], handle: FileHandle, path: String) throws -> Int {
        var lineFeeds = first.prefix(offset).count { $0 == 0x0A }
        guard offset > first.count else { return lineFeeds + 1 }
        var position = first.count
        while position < offset {
            let chunk = try readChunk(handle, path: path)
            if chunk.isEmpty { break }
            lineFeeds += chunk.prefix(offset - position).count { $0 == 0x0A }
            position += chunk.count
        }
        try seek(handle, to: first.count, path: path)
        return lineFeeds + 1
    }

    private static func seek(_ handle: FileHandle, to offset: Int, path: String) throws {
        do {
            try handle.seek(toOffset: UInt64(offset))
        } catch {
            throw MusterError(
                .unreadableInput, "the file could not be read again after checking its encoding", location: "\(path):1:1", underlying: error)
        }
    }

    /// Up to `chunkSize` bytes read straight into the array (a short chunk only at the end
    /// of the file): `FileHandle.read` would fill a `Data` that is then copied once more.
    private static func readChunk(_ handle: FileHandle, path: String) throws -> [UInt8] {
        let descriptor = handle.fileDescriptor
        var failure: Int32 = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < chunkSize {
                let bytesRead = read(descriptor, base + count, chunkSize - count)
                if bytesRead > 0 {
                    count += bytesRead
                } else if bytesRead == 0 {
                    return
                } else if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        guard failure == 0 else {
            throw MusterError(
                .unreadableInput, "the file could not be read", location: "\(path):1:1",
                underlying: POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO))
        }
        return chunk
    }
}
