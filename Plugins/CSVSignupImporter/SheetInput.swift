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
/// it is valid UTF-8 before choosing between UTF-8 and Windows-1252.
final class SheetInput {
    static let chunkSize = 64 * 1024

    let encoding: TextEncoding
    /// True when every byte of the file was checked to be valid UTF-8 before reading (auto
    /// without a byte order mark): every cell is then valid too, since libcsv only cuts at
    /// ASCII bytes, and cells need not be checked again one by one.
    let isValidatedUTF8: Bool
    /// The first chunk, decoded; `next()` returns it first.
    let head: [UInt8]
    /// True when `head` is the whole file.
    let headIsWholeFile: Bool

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
        case .utf8, .windows1252: transcoder = nil
        }
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
    ) throws -> (encoding: TextEncoding, markLength: Int, validated: Bool) {
        let mark = TextEncoding.byteOrderMark(in: first)
        switch requested {
        case .windows1252:
            return (.windows1252, 0, false)
        case .utf8:
            return (.utf8, mark?.encoding == .utf8 ? 3 : 0, false)
        case .utf16:
            if let mark, mark.encoding != .utf8 { return (mark.encoding, mark.markLength, false) }
            return (TextEncoding.guessUTF16(in: first) ?? .utf16LittleEndian, 0, false)
        case .auto:
            if let mark { return (mark.encoding, mark.markLength, false) }
            if let guess = TextEncoding.guessUTF16(in: first) { return (guess, 0, false) }
            var validator = UTF8Validator()
            validator.consume(first)
            if !wholeFile {
                while validator.isValid {
                    let chunk = try readChunk(handle, path: path)
                    if chunk.isEmpty { break }
                    validator.consume(chunk)
                }
                do {
                    try handle.seek(toOffset: UInt64(first.count))
                } catch {
                    throw MusterError(
                        .unreadableInput, "the file could not be read again after checking its encoding",
                        location: "\(path):1:1", underlying: error)
                }
            }
            return validator.isComplete ? (.utf8, 0, true) : (.windows1252, 0, false)
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
