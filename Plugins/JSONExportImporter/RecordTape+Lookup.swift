extension RecordTape {
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
}
