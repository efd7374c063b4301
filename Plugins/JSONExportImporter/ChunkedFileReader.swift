import MusterCore

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// An open file read in fixed-size chunks, so the importer holds at most one chunk of the
/// file at a time (plus whatever record it is assembling). One reader belongs to one call
/// of `read`; the descriptor closes when the reader goes away.
final class ChunkedFileReader {
    /// 64 KiB: large enough that system calls are cheap, small enough to keep memory flat.
    static let chunkSize = 64 * 1024

    private let descriptor: Int32
    private let file: SourceFile
    private var buffer = [UInt8](repeating: 0, count: ChunkedFileReader.chunkSize)

    init(_ file: SourceFile) throws(MusterError) {
        self.file = file
        let descriptor = open(file.absolutePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw MusterError(.unreadableInput, "cannot open the file: \(Self.describe(errno))", location: file.path)
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Calls `body` with each chunk in order until the end of the file.
    func forEachChunk(_ body: (ArraySlice<UInt8>) throws -> Void) throws {
        while true {
            let count = try readChunk()
            if count == 0 { return }
            try body(buffer[0..<count])
        }
    }

    /// The next chunk, or nil at the end of the file; valid until the next call.
    func next() throws(MusterError) -> ArraySlice<UInt8>? {
        let count = try readChunk()
        return count == 0 ? nil : buffer[0..<count]
    }

    /// Moves to `offset` bytes from the start, for reading a part of the file again.
    func seek(to offset: Int) throws(MusterError) {
        guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
            throw MusterError(.unreadableInput, "cannot read the file again: \(Self.describe(errno))", location: file.path)
        }
    }

    private func readChunk() throws(MusterError) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw MusterError(.unreadableInput, "cannot read the file: \(Self.describe(errno))", location: file.path)
        }
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
