internal import CLibZstd
internal import MusterCore

/// zstd streaming compression for checkpoints. The one file that calls libzstd.
///
/// A record's NDJSON repeats its keys, its raw values beside its canonical ones and its
/// neighbours' place names; zstd at level 1 shrinks a checkpoint about sevenfold at several
/// hundred MB/s on one core, which the checkpoint writer's own thread can afford.
final class ZstdCompressor {
    private let context: OpaquePointer
    private var output: [UInt8]

    /// Level 1: the fastest of zstd's standard levels; higher levels gain a few percent here
    /// for several times the CPU.
    init(level: Int32 = 1) throws(MusterError) {
        guard let context = ZSTD_createCCtx() else { throw MusterError(.io, "zstd: cannot create a compression context") }
        self.context = context
        output = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize())
        _ = ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)
    }

    deinit { ZSTD_freeCCtx(context) }

    /// Compresses `input` and passes every compressed piece to `sink`; `end` closes the frame.
    func compress(_ input: UnsafeRawBufferPointer, end: Bool, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var source = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        let directive = end ? ZSTD_e_end : ZSTD_e_continue
        try output.withUnsafeMutableBytes { buffer in
            while true {
                var target = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
                let remaining = ZSTD_compressStream2(context, &target, &source, directive)
                if ZSTD_isError(remaining) != 0 { throw MusterError(.io, "zstd: \(String(cString: ZSTD_getErrorName(remaining)))") }
                if target.pos > 0 { try sink(UnsafeRawBufferPointer(rebasing: buffer[0..<target.pos])) }
                let drained = end ? remaining == 0 : source.pos == source.size
                if drained { return }
            }
        }
    }
}

/// zstd streaming decompression: feeds compressed chunks, hands back what they decode to.
final class ZstdDecompressor {
    private let context: OpaquePointer
    private var output: [UInt8]
    /// Whether the last frame seen was complete: a checkpoint cut short ends mid-frame.
    private(set) var atFrameEnd = true

    init() throws(MusterError) {
        guard let context = ZSTD_createDCtx() else { throw MusterError(.io, "zstd: cannot create a decompression context") }
        self.context = context
        output = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
    }

    deinit { ZSTD_freeDCtx(context) }

    /// The four bytes every zstd frame starts with.
    static func isCompressed(_ prefix: some Collection<UInt8>) -> Bool {
        Array(prefix.prefix(4)) == [0x28, 0xB5, 0x2F, 0xFD]
    }

    func decompress(_ input: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var source = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        try output.withUnsafeMutableBytes { buffer in
            while true {
                var target = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
                let hint = ZSTD_decompressStream(context, &target, &source)
                if ZSTD_isError(hint) != 0 { throw MusterError(.invalidCheckpoint, "zstd: \(String(cString: ZSTD_getErrorName(hint)))") }
                atFrameEnd = hint == 0
                if target.pos > 0 { try sink(UnsafeRawBufferPointer(rebasing: buffer[0..<target.pos])) }
                // Done with this chunk once it is consumed and the output buffer was not filled.
                if source.pos == source.size && target.pos < target.size { return }
            }
        }
    }
}
