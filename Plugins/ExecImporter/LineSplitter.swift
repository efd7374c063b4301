internal import ContentHash
import MusterCore

/// Cuts a byte stream into lines as chunks arrive, holding at most one line of at most
/// ``maximumLength`` bytes. A longer line is not kept: its bytes are hashed and counted as
/// they pass, so a runaway command cannot make muster's memory grow.
struct LineSplitter {
    /// One finished line: its bytes without the newline (and without a trailing CR), or for
    /// an overlong line only its length and hash.
    enum Line {
        case text(ArraySlice<UInt8>)
        case overlong(length: Int, contentHash: String)
    }

    let maximumLength: Int
    private var pending: [UInt8] = []
    private var overflow: (hasher: SHA256, length: Int, heldCR: Bool)?

    init(maximumLength: Int) {
        self.maximumLength = max(1, maximumLength)
    }

    /// Feeds `chunk`, calling `line` for every line it completes.
    mutating func feed(_ chunk: ArraySlice<UInt8>, line: (Line) throws -> Void) rethrows {
        var start = chunk.startIndex
        while start < chunk.endIndex {
            guard let newline = chunk[start...].firstIndex(of: 0x0A) else {
                append(chunk[start...])
                return
            }
            if pending.isEmpty && overflow == nil {
                // The common case: the whole line is inside this chunk; no copy.
                var content = chunk[start..<newline]
                if content.last == 0x0D { content = content.dropLast() }
                if content.count > maximumLength {
                    try line(.overlong(length: content.count, contentHash: SHA256.hex(of: content)))
                } else {
                    try line(.text(content))
                }
            } else {
                append(chunk[start..<newline])
                try line(takeLine())
            }
            start = newline + 1
        }
    }

    /// Ends the stream: the last line if it had no newline, else nil.
    mutating func finish() -> Line? {
        guard !pending.isEmpty || overflow != nil else { return nil }
        return takeLine()
    }

    private mutating func takeLine() -> Line {
        defer {
            pending.removeAll(keepingCapacity: pending.capacity <= 1 << 16)
            overflow = nil
        }
        if var overflow {
            return .overlong(length: overflow.length, contentHash: overflow.hasher.finalizeHex())
        }
        var content = pending[...]
        if content.last == 0x0D { content = content.dropLast() }
        return .text(content)
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        if overflow == nil, pending.count + bytes.count > maximumLength + 1 {
            // One byte of slack: a line of exactly the limit may still carry its CR.
            overflow = (SHA256(), 0, false)
            absorb(pending[...])
            pending = []
        }
        if overflow != nil {
            absorb(bytes)
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    /// Hashes an overlong line's bytes; a trailing CR is held back until more bytes follow,
    /// since at the line's end it belongs to the terminator.
    private mutating func absorb(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty, var state = overflow else { return }
        if state.heldCR {
            state.hasher.update(CollectionOfOne(UInt8(0x0D)))
            state.length += 1
            state.heldCR = false
        }
        var part = bytes
        if part.last == 0x0D {
            part = part.dropLast()
            state.heldCR = true
        }
        state.hasher.update(part)
        state.length += part.count
        overflow = state
    }
}
