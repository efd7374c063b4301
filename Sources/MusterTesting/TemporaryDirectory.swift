internal import Foundation

/// A fresh folder under the system temp directory for one test, removed by ``remove()``.
public struct TemporaryDirectory: Sendable {
    public let path: String

    public init(_ prefix: String = "muster-test") throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `contents` to `name` inside the folder and returns it as a ``SourceFile``-ready path.
    @discardableResult
    public func write(_ name: String, _ contents: [UInt8]) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(contents).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
