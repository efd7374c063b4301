internal import Foundation
import MusterCore

/// One output file written through a large byte buffer: values are appended as UTF-8 bytes
/// and reach the disk in 1 MiB writes, never one small write per field.
final class ByteSink {
    static let flushSize = 1 << 20

    /// The path as given (relative to the output folder).
    let path: String
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer = ByteBuffer(capacity: ByteSink.flushSize + 4096)
    /// Bytes already written to the file.
    private var flushed = 0

    /// Bytes appended so far, flushed or not.
    var count: Int { flushed + buffer.count }

    init(path: String, absolutePath: String) throws(MusterError) {
        self.path = path
        guard let file = fopen(absolutePath, "wb") else {
            throw MusterError(.io, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        self.file = file
    }

    deinit {
        if let file { fclose(file) }
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append($0) }
    }

    func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append($0) }
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer.append($0) }
    }

    func append(byte: UInt8) {
        buffer.append(byte)
    }

    /// A non-negative integer in decimal, left-padded with zeros to `width` digits.
    func append(_ number: Int, width: Int = 0) {
        var digits:
            (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var length = 0
        var rest = max(0, number)
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[length] = UInt8(48 + rest % 10)
                rest /= 10
                length += 1
            } while rest > 0 && length < 20
            while length < min(width, 20) {
                raw[length] = 48
                length += 1
            }
            for index in stride(from: length - 1, through: 0, by: -1) { buffer.append(raw[index]) }
        }
    }

    /// Writes the buffer out once it holds a megabyte; callers call this between records.
    func flushIfFull() throws(MusterError) {
        if buffer.count >= Self.flushSize { try flush() }
    }

    func flush() throws(MusterError) {
        guard let file, !buffer.isEmpty else { return }
        let written = buffer.withBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else {
            throw MusterError(.io, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        flushed += buffer.count
        buffer.removeAll()
    }

    func close() throws(MusterError) {
        try flush()
        guard let file else { return }
        self.file = nil
        guard fclose(file) == 0 else { throw MusterError(.io, "cannot close \(path): \(String(cString: strerror(errno)))") }
    }
}
