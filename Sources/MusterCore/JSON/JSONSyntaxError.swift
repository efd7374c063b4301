/// Why a JSON text could not be parsed, with the byte offset and line/column of the fault.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// 0-based byte offset into the parsed bytes.
    public var offset: Int
    /// 1-based line and column (column counts bytes).
    public var line: Int
    public var column: Int

    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column) (byte \(offset)): \(message)" }
}
