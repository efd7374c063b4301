#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Recognises UTF-32 from a feed's first four bytes, to explain a parse that failed at once.
///
/// libxml2 2.9.14 decodes UTF-32 when the declaration names it, but not from a byte-order
/// mark or the `<?xm` pattern alone ("Document is empty", "input conversion failed").
/// UTF-32 feeds are vanishingly rare; refusing those clearly is the documented choice
/// (convert to UTF-8 first).
enum EncodingSniffer {
    static func utf32(atPath path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0xAA, count: 4)
        guard fread(&bytes, 1, 4, file) == 4 else { return nil }
        switch (bytes[0], bytes[1], bytes[2], bytes[3]) {
        case (0x00, 0x00, 0xFE, 0xFF), (0x00, 0x00, 0x00, 0x3C): return "UTF-32 (big-endian)"
        case (0xFF, 0xFE, 0x00, 0x00), (0x3C, 0x00, 0x00, 0x00): return "UTF-32 (little-endian)"
        default: return nil
        }
    }
}
