import MusterCore

/// One record's JSON parsed into a flat list of nodes that point into its bytes, so
/// reading a record makes no String, array or dictionary: only the values the mapping
/// keeps become Strings (``RecordMapper``). The nodes are valid while the bytes they were
/// parsed from are; a tape is reused record after record to keep its storage.
///
/// Layout: a container's node is followed by its content in document order (an object's
/// members as a key node then the value's nodes); ``Node/next`` skips a value whole and
/// ``Node/up`` leads back towards the root.
/// Parsing is in `RecordTape+Parsing.swift`.
struct RecordTape {
    enum Kind: UInt8 {
        case object, array, string, number, `true`, `false`, null
    }

    struct Node {
        var kind: Kind
        /// A string with a backslash escape: its text must be decoded, not copied.
        var isEscaped = false
        /// A string that is an object member's key.
        var isKey = false
        /// A string whose text is all ASCII, so comparing bytes is comparing Strings.
        var isASCII = true
        /// Strings: the first byte after the opening quote; numbers: the first byte.
        var start = 0
        /// Strings: the raw bytes between the quotes; numbers: the literal's length.
        var count = 0
        /// The index of the node after this value and everything inside it.
        var next = 0
        /// What holds this node: a member value's key, an array item's array, a key's
        /// object; -1 for the root. Followed up to render a leaf's path.
        var up = -1
    }

    /// The root value is `nodes[0]`.
    var nodes: [Node] = []
    /// The value's compact form (see ``compacting``), when asked for; shared by copies of the tape.
    let compact = ByteSink()
    /// The bytes the nodes point into.
    var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    // Parsing state.
    var index = 0
    var depth = 0
    var depthLimit = JSONParser.maximumDepth
    /// Whether to write ``compact``: the text without whitespace between tokens and with
    /// escapes written back minimally (`"`, `\`, control characters), the bytes a
    /// document's record is hashed over, so the hash does not depend on indentation.
    var compacting = false
    /// Start of the bytes not yet copied to ``compact``.
    var runStart = 0

    var root: Node { nodes[0] }

    /// The string's text (strings only).
    func text(of node: Node) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[node.start..<node.start + node.count])
        guard node.isEscaped else { return String(decoding: raw, as: UTF8.self) }
        // Escapes only shrink text: `\uD83D\uDE00` (12 bytes) is 4 bytes of UTF-8.
        return String(unsafeUninitializedCapacity: raw.count) { Self.decode(raw, into: $0.baseAddress.unsafelyUnwrapped) }
    }

    /// The value as a field string: strings as they are, numbers as their exact literal,
    /// booleans as `true`/`false`; nil for null, arrays and objects.
    func scalarText(of node: Node) -> String? {
        switch node.kind {
        case .string: text(of: node)
        case .number: String(decoding: UnsafeBufferPointer(rebasing: bytes[node.start..<node.start + node.count]), as: UTF8.self)
        case .true: "true"
        case .false: "false"
        case .null, .array, .object: nil
        }
    }

    /// Appends a key's text (decoded) to `output`; false when it is not all ASCII.
    func appendKey(_ node: Node, to output: inout [UInt8]) -> Bool {
        let raw = UnsafeBufferPointer(rebasing: bytes[node.start..<node.start + node.count])
        guard node.isEscaped else {
            output.append(contentsOf: raw)
            return node.isASCII
        }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: raw.count))
        let written = output.withUnsafeMutableBufferPointer { Self.decode(raw, into: $0.baseAddress.unsafelyUnwrapped + start) }
        output.removeLast(raw.count - written)
        return node.isASCII
    }

    /// Whether the value's text may start or end with whitespace, so needs trimming: not
    /// for numbers and literals, nor for a plain string with visible ASCII at both ends.
    func mayNeedTrimming(_ node: Node) -> Bool {
        guard node.kind == .string else { return false }
        guard !node.isEscaped, node.count > 0 else { return true }
        let first = bytes[node.start]
        let last = bytes[node.start + node.count - 1]
        return !(first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F)
    }

    /// Writes the text of a validated string's raw bytes (between the quotes) to `output`,
    /// which has room for `raw.count` bytes, and returns how many it wrote.
    static func decode(_ raw: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        var index = 0
        let count = raw.count
        while index < count {
            let byte = raw[index]
            index += 1
            guard byte == UInt8(ascii: "\\") else {
                output[written] = byte
                written += 1
                continue
            }
            let escaped = raw[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "b"): output[written] = 0x08
            case UInt8(ascii: "f"): output[written] = 0x0C
            case UInt8(ascii: "n"): output[written] = 0x0A
            case UInt8(ascii: "r"): output[written] = 0x0D
            case UInt8(ascii: "t"): output[written] = 0x09
            case UInt8(ascii: "u"):
                var scalar = hex4(raw, at: index)
                index += 4
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (hex4(raw, at: index + 2) - 0xDC00)
                    index += 6
                }
                for unit in (Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8 {
                    output[written] = unit
                    written += 1
                }
                continue
            default: output[written] = escaped
            }
            written += 1
        }
        return written
    }

    /// The value of four hex digits already checked by the parser.
    static func hex4(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            value = value << 4 | UInt32(hexDigit(raw[index + offset]) ?? 0)
        }
        return value
    }

    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
