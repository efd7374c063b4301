internal import CLibCrypto

/// SHA-256 (FIPS 180-4), for record content hashes: an operator can recompute one with
/// `sha256sum` over the source line to find where a registry row came from.
///
/// OpenSSL's libcrypto does the hashing because it uses the CPU's SHA extensions: about
/// 200 ns for a 200-byte record here, against 1.2 µs for a portable Swift version, and every
/// imported record is hashed once.
public struct SHA256 {
    private var state: DigestState

    public init() {
        state = DigestState()
    }

    /// The hex digest of `bytes` in one call; contiguous input (arrays, slices, buffers) is
    /// hashed in place, bar the returned string.
    public static func hex(of bytes: some Collection<UInt8>) -> String {
        if let digest = bytes.withContiguousStorageIfAvailable({ digestHex(of: UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { digestHex(of: $0) }
    }

    public static func hex(of text: String) -> String {
        var text = text
        return text.withUTF8 { digestHex(of: UnsafeRawBufferPointer($0)) }
    }

    private static func digestHex(of buffer: UnsafeRawBufferPointer) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
            let succeeded = muster_sha256(buffer.baseAddress, buffer.count, digest.baseAddress)
            precondition(succeeded == 1, "libcrypto could not compute SHA-256")
            return hexString(UnsafeBufferPointer(digest))
        }
    }

    public mutating func update(_ bytes: some Collection<UInt8>) {
        if !isKnownUniquelyReferenced(&state) { state = state.copy() }
        let handled: Void? = bytes.withContiguousStorageIfAvailable { state.update(UnsafeRawBufferPointer($0)) }
        if handled == nil {
            Array(bytes).withUnsafeBytes { state.update($0) }
        }
    }

    /// The digest of everything given to `update`; the hasher is spent afterwards.
    public mutating func finalizeHex() -> String {
        if !isKnownUniquelyReferenced(&state) { state = state.copy() }
        return state.finalizeHex()
    }

    static func hexString(_ digest: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: digest.count * 2) { out in
            for (index, byte) in digest.enumerated() {
                let high = byte >> 4
                let low = byte & 0x0F
                out[2 * index] = high < 10 ? 0x30 + high : 0x57 + high
                out[2 * index + 1] = low < 10 ? 0x30 + low : 0x57 + low
            }
            return digest.count * 2
        }
    }
}

/// An OpenSSL digest context, owned by one `SHA256` value and copied when the value is, so
/// the hasher keeps value semantics.
private final class DigestState {
    private let context: OpaquePointer

    init() {
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            preconditionFailure("libcrypto could not start SHA-256")
        }
        self.context = context
    }

    private init(copying other: OpaquePointer) {
        guard let context = EVP_MD_CTX_new(), EVP_MD_CTX_copy_ex(context, other) == 1 else {
            preconditionFailure("libcrypto could not copy a SHA-256 state")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    func copy() -> DigestState { DigestState(copying: context) }

    func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        precondition(EVP_DigestUpdate(context, base, buffer.count) == 1, "libcrypto could not hash")
    }

    func finalizeHex() -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
            var size: UInt32 = 0
            precondition(
                EVP_DigestFinal_ex(context, digest.baseAddress, &size) == 1 && size == 32,
                "libcrypto could not finish SHA-256")
            return SHA256.hexString(UnsafeBufferPointer(digest))
        }
    }
}
