import MusterCore

extension ByteWindow {
    /// Where one JSON value lies in the window: `buffer[start..<end]`, valid until the
    /// window is next moved.
    struct Extent {
        var start: Int
        var end: Int
        /// The value nests deeper than allowed: it was cut before the bracket at `end`.
        var isTooDeep = false
    }

    /// Finds the end of the value starting at `position` without parsing it: a container
    /// ends at its matching bracket (or at a wrong closing bracket, included, so the
    /// parser reports it), a string at its closing quote, a number or literal at the first
    /// byte that cannot belong to it, anything at the end of the file. A bracket that would
    /// nest deeper than `depthLimit` (counting `depthAbove` enclosing containers) ends the
    /// extent before it with ``Extent/isTooDeep`` set. `stack` is scratch space, reused.
    ///
    /// The scan only follows strings and brackets; the parser that reads the extent next
    /// checks everything else, so a value is never trusted on the scan alone.
    func scanValue(depthAbove: Int, depthLimit: Int, maximumBytes: Int, stack: inout [UInt8]) throws -> Extent {
        let opening = buffer[position]
        let isScalar = opening != UInt8(ascii: "{") && opening != UInt8(ascii: "[") && opening != UInt8(ascii: "\"")
        var cursor = position
        var depth = 0
        var inString = false
        var escaped = false
        var tooDeep = false
        stack.removeAll(keepingCapacity: true)
        while true {
            let done: Bool = buffer.withUnsafeBufferPointer { bytes in
                let count = bytes.count
                if isScalar {
                    while cursor < count, Self.isScalarByte(bytes[cursor]) { cursor += 1 }
                    return cursor < count
                }
                while cursor < count {
                    let byte = bytes[cursor]
                    if inString {
                        if escaped {
                            escaped = false
                        } else if byte == UInt8(ascii: "\\") {
                            escaped = true
                        } else if byte == UInt8(ascii: "\"") {
                            inString = false
                            if depth == 0 {
                                cursor += 1
                                return true
                            }
                        } else {
                            // Runs of ordinary string bytes, the bulk of a record.
                            cursor += 1
                            while cursor < count, bytes[cursor] != UInt8(ascii: "\""), bytes[cursor] != UInt8(ascii: "\\") { cursor += 1 }
                            continue
                        }
                        cursor += 1
                        continue
                    }
                    switch byte {
                    case UInt8(ascii: "\""):
                        inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        if depthAbove + depth + 1 > depthLimit {
                            tooDeep = true
                            return true
                        }
                        stack.append(byte)
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        let open = stack.popLast()
                        depth -= 1
                        if depth <= 0 || (open == UInt8(ascii: "{")) != (byte == UInt8(ascii: "}")) {
                            cursor += 1
                            return true
                        }
                    default:
                        break
                    }
                    cursor += 1
                }
                return false
            }
            if done { return Extent(start: position, end: cursor, isTooDeep: tooDeep) }
            let scanned = cursor - position
            if scanned > maximumBytes { throw ValueTooLarge(offset: offset, limit: maximumBytes) }
            guard try fill(keepingFrom: position) else { return Extent(start: position, end: buffer.count) }
            cursor = position + scanned
        }
    }

    /// Bytes a number or a literal (`true`, `null`) may be made of.
    private static func isScalarByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }

    /// True for a byte that can start a JSON value.
    static func startsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            true
        default:
            false
        }
    }
}

/// A single value (one record, or one string elsewhere in the document) longer than the
/// importer holds in memory.
struct ValueTooLarge: Error {
    /// Absolute offset where the value starts.
    var offset: Int
    var limit: Int
}
