import MusterCore

/// Walks one JSON document from a ``ByteWindow`` without building it: the structure
/// around the records is followed with an explicit stack (so 100,000 nested brackets
/// cannot overflow the call stack), each string, number and literal outside the records
/// is checked by MusterCore's ``JSONParser``, and each element of the records array is
/// cut out whole and handed over parsed, one at a time.
///
/// Every byte of the document is checked, with the same rules and messages as
/// ``JSONParser`` (depth limit, UTF-8, surrogates, exact numbers). Errors are
/// ``JSONSyntaxError``s with absolute offsets; the reader adds the file's name.
struct DocumentWalker {
    /// Which array holds the records.
    enum Target {
        /// This path exactly (`records` option); an empty path is the document itself.
        case path([JSONPath.Component])
        /// A top-level array, else the first array among these paths, in this order.
        case candidates([[JSONPath.Component]])
    }

    /// A records-array candidate met while a better one could still come later; read
    /// again from `offset` if none does.
    struct Deferred {
        var priority: Int
        var offset: Int
        var lines: Int
        var lastNewline: Int
        var depth: Int
        var path: [JSONPath.Component]
    }

    /// What the walk found.
    enum Outcome {
        case records
        case deferred(Deferred)
        /// No records array; the root value's kind (`an object`) and whether an explicit
        /// path reached a value that is not an array (its kind).
        case none(root: String, pathHolds: String?)
    }

    /// One element of the records array, parsed with its compact form, and its locator (`$.data.items[3]`).
    typealias ElementHandler = (_ tape: RecordTape, _ locator: String) throws -> Void

    let window: ByteWindow
    let target: Target
    let maximumValueBytes: Int
    private var frames: [(isObject: Bool, afterValue: Bool, index: Int)] = []
    private var path: [JSONPath.Component] = []
    private var stack: [UInt8] = []
    private var found = false
    private var deferred: Deferred?
    private var rootKeysSeen: Set<String> = []
    private var tape = RecordTape()

    init(window: ByteWindow, target: Target, maximumValueBytes: Int) {
        self.window = window
        self.target = target
        self.maximumValueBytes = maximumValueBytes
    }

    /// Walks the whole document, calling `element` for each record; throws the first
    /// syntax error. An empty (all-whitespace) document returns nil.
    mutating func walk(_ element: ElementHandler) throws -> Outcome? {
        try skipByteOrderMark()
        guard let first = try window.skipWhitespace() else { return nil }
        let root = Self.kind(of: first)
        var pathHolds: String?
        try value(element, holds: &pathHolds)
        while let top = frames.last {
            let byte = try window.skipWhitespace()
            let close = top.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            if byte == close {
                window.position += 1
                leave()
                continue
            }
            if top.afterValue {
                guard byte == UInt8(ascii: ",") else {
                    throw error("unexpected \(describe(byte)), expected ',' or '\(top.isObject ? "}" : "]")'")
                }
                window.position += 1
                frames[frames.count - 1].index += 1
            }
            frames[frames.count - 1].afterValue = true
            if top.isObject {
                let key = try memberKey()
                if frames.count == 1 { rootKeysSeen.insert(key) }
                path.append(.key(key))
            } else {
                path.append(.index(frames[frames.count - 1].index))
            }
            try value(element, holds: &pathHolds)
        }
        if let byte = try window.skipWhitespace() {
            throw error("unexpected \(describe(byte)) after the end of the JSON value")
        }
        if found { return .records }
        if let deferred { return .deferred(deferred) }
        return .none(root: root, pathHolds: pathHolds)
    }

    /// Reads only the records array that starts at the window's position (a second pass
    /// over a ``Deferred`` candidate the first pass already checked).
    mutating func readRecords(at deferred: Deferred, _ element: ElementHandler) throws {
        path = deferred.path
        frames = Array(repeating: (false, false, 0), count: deferred.depth)
        _ = try window.skipWhitespace()
        try records(element)
    }

    /// One value at the current path: a container is entered (the loop in `walk` reads
    /// it), the records array is read whole, a scalar is checked.
    private mutating func value(_ element: ElementHandler, holds: inout String?) throws {
        guard let byte = try window.skipWhitespace(), ByteWindow.startsValue(byte) else {
            let byte = try window.peek()
            throw error(byte == nil ? "unexpected end of input, expected a value" : "unexpected \(describe(byte)), expected a value")
        }
        if !found {
            switch target {
            case .path(let wanted) where wanted == path:
                guard byte == UInt8(ascii: "[") else {
                    holds = Self.kind(of: byte)
                    try scalarOrEnter(byte)
                    return
                }
                try records(element)
                found = true
                return leaveValue()
            case .candidates(let candidates) where byte == UInt8(ascii: "["):
                if path.isEmpty {
                    try records(element)
                    found = true
                    return leaveValue()
                }
                if let priority = candidates.firstIndex(of: path) {
                    // A better candidate can still come only under a top-level key not met yet.
                    let settled = candidates[..<priority].allSatisfy { candidate in
                        guard case .key(let key)? = candidate.first else { return true }
                        return rootKeysSeen.contains(key)
                    }
                    if settled {
                        try records(element)
                        found = true
                        return leaveValue()
                    }
                    if priority < deferred?.priority ?? Int.max {
                        let state = window.lineState(at: window.offset)
                        deferred = Deferred(
                            priority: priority, offset: window.offset, lines: state.lines, lastNewline: state.lastNewline,
                            depth: frames.count, path: path)
                    }
                }
            default:
                break
            }
        }
        try scalarOrEnter(byte)
    }

    private mutating func scalarOrEnter(_ byte: UInt8) throws {
        if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
            try enter(isObject: byte == UInt8(ascii: "{"))
        } else {
            try scalar()
            leaveValue()
        }
    }

    private mutating func enter(isObject: Bool) throws {
        guard frames.count < JSONParser.maximumDepth else { throw error("nesting deeper than \(JSONParser.maximumDepth) levels") }
        window.position += 1
        frames.append((isObject, false, 0))
    }

    /// The container on top has ended.
    private mutating func leave() {
        frames.removeLast()
        leaveValue()
    }

    private mutating func leaveValue() {
        if !frames.isEmpty { path.removeLast() }
    }

    /// `"key" :` in an object, the key decoded.
    private mutating func memberKey() throws -> String {
        let byte = try window.skipWhitespace()
        guard byte == UInt8(ascii: "\"") else { throw error("unexpected \(describe(byte)), expected a string key") }
        var key = ""
        let extent = try scan()
        window.position = try parse(extent) { tape in key = tape.text(of: tape.root) }
        let colon = try window.skipWhitespace()
        guard colon == UInt8(ascii: ":") else { throw error("unexpected \(describe(colon)), expected ':'") }
        window.position += 1
        return key
    }

    /// Checks the string, number or literal at the position and moves past it.
    private mutating func scalar() throws {
        let extent = try scan()
        window.position = try parse(extent)
    }

    /// The records array at the position: each element is cut out, parsed and handed over.
    private mutating func records(_ element: ElementHandler) throws {
        try enter(isObject: false)
        let base = JSONPath(components: path).description
        defer { frames.removeLast() }
        if try window.skipWhitespace() == UInt8(ascii: "]") {
            window.position += 1
            return
        }
        let locatorPrefix = base.isEmpty ? "$[" : "$.\(base)["
        var index = 0
        while true {
            guard let byte = try window.skipWhitespace(), ByteWindow.startsValue(byte) else {
                let byte = try window.peek()
                throw error(byte == nil ? "unexpected end of input, expected a value" : "unexpected \(describe(byte)), expected a value")
            }
            let locator = locatorPrefix + String(index) + "]"
            if byte == UInt8(ascii: "{"), let end = try parseInPlace({ try element($0, locator) }) {
                window.position = end
            } else {
                let extent = try scan()
                window.position = try parse(extent, compacting: true) { try element($0, locator) }
            }
            let next = try window.skipWhitespace()
            if next == UInt8(ascii: "]") {
                window.position += 1
                return
            }
            guard next == UInt8(ascii: ",") else { throw error("unexpected \(describe(next)), expected ',' or ']'") }
            window.position += 1
            index += 1
        }
    }

    private mutating func scan() throws -> ByteWindow.Extent {
        do {
            return try window.scanValue(
                depthAbove: frames.count, depthLimit: JSONParser.maximumDepth, maximumBytes: maximumValueBytes, stack: &stack)
        } catch let tooLarge as ValueTooLarge {
            let place = window.location(of: tooLarge.offset)
            throw JSONSyntaxError(
                message: "a single value of more than \(tooLarge.limit / (1024 * 1024)) MiB; not read", offset: tooLarge.offset,
                line: place.line, column: place.column)
        }
    }

    /// An object record that ends within the window, parsed where it lies without first
    /// finding its end: the common case. Returns the index after it, or nil to take the
    /// general way (an invalid record, one cut by the window's end, one nesting too deep),
    /// which then decides exactly as if this had not been tried.
    private mutating func parseInPlace(_ body: (RecordTape) throws -> Void) throws -> Int? {
        let start = window.position
        let depthLimit = JSONParser.maximumDepth - frames.count
        return try window.buffer.withUnsafeBufferPointer { buffer in
            let rest = UnsafeBufferPointer(rebasing: buffer[start...])
            guard let length = tape.parse(prefixOf: rest, depthLimit: depthLimit, compacting: true) else { return nil }
            try body(tape)
            return start + length
        }
    }

    /// Parses an extent, hands the tape to `body` while its bytes are valid, and returns the
    /// index just after the value, reporting an error at its absolute offset. The messages
    /// are the whole-document parser's: a number or literal run on into letters (`1true`,
    /// `1.2.3`) ends where it stops being valid, for the caller to name the next byte; an
    /// extent cut short (a literal or number cut by a stray byte, nesting too deep) is read
    /// again with the byte that follows.
    private mutating func parse(_ extent: ByteWindow.Extent, compacting: Bool = false, _ body: (RecordTape) throws -> Void = { _ in }) throws -> Int {
        if try parse(extent.start..<extent.end, compacting: compacting, body) { return extent.end }
        let bytes = window.buffer[extent.start..<extent.end]
        var fault: JSONSyntaxError
        do {
            _ = try JSONParser.parse(bytes)
            fault = JSONSyntaxError(message: "the importer could not read this value although it is valid JSON", offset: 0, line: 1, column: 1)
        } catch {
            fault = error
        }
        if fault.offset > 0, fault.offset < bytes.count, fault.message.hasSuffix("after the end of the JSON value"),
            try parse(extent.start..<extent.start + fault.offset, compacting: compacting, body)
        {
            return extent.start + fault.offset
        }
        if fault.offset >= bytes.count {
            if extent.isTooDeep {
                fault.message = "nesting deeper than \(JSONParser.maximumDepth) levels"
            } else if extent.end < window.buffer.count {
                do {
                    _ = try JSONParser.parse(window.buffer[extent.start...extent.end])
                } catch {
                    fault = error
                }
            }
        }
        let offset = window.base + extent.start + fault.offset
        let place = window.location(of: offset)
        throw JSONSyntaxError(message: fault.message, offset: offset, line: place.line, column: place.column)
    }

    /// Parses `window.buffer[range]` as one JSON text and hands the tape to `body`; false
    /// when it is not one.
    private mutating func parse(_ range: Range<Int>, compacting: Bool, _ body: (RecordTape) throws -> Void) throws -> Bool {
        try window.buffer.withUnsafeBufferPointer { buffer in
            guard tape.parse(UnsafeBufferPointer(rebasing: buffer[range]), compacting: compacting) else { return false }
            try body(tape)
            return true
        }
    }

    private func skipByteOrderMark() throws {
        guard try window.peek() == 0xEF else { return }
        while window.buffer.count < 3, try window.fill(keepingFrom: 0) {}
        if window.buffer.starts(with: [0xEF, 0xBB, 0xBF]) { window.position = 3 }
    }

    private func error(_ message: String) -> JSONSyntaxError {
        let place = window.location(of: window.offset)
        return JSONSyntaxError(message: message, offset: window.offset, line: place.line, column: place.column)
    }

    /// The byte as ``JSONParser`` names it in messages.
    private func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "end of input" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let digits = Array("0123456789ABCDEF")
        return "byte 0x" + String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// What a value starting with `byte` is, without its content (which may be personal data).
    static func kind(of byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        default: "a number"
        }
    }
}
