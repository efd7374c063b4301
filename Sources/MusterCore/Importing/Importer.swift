/// A reader for one source format, in its own module under `Plugins/`.
///
/// The contract: the configuration builds the importer from its decoded options
/// (`init(options:)`); ``read(_:context:emit:)`` streams one file, emitting batches of at
/// most `context.batchSize` records. One record it cannot read is emitted as
/// ``SourceRecord/rejected(_:reason:)`` with its position, never thrown; throw
/// ``MusterError`` (code `unreadableInput`) only when the file as a whole cannot be read,
/// naming the file and place. Errors and rejections never contain personal data.
public protocol Importer: Sendable {
    /// The importer's options as written in pipeline.json under `sources[].options`.
    associatedtype Options: Decodable & Sendable

    static var descriptor: ImporterDescriptor { get }

    init(options: Options) throws

    /// Reads `file`, calling `emit` with each full batch and once more with the remainder.
    func read(_ file: SourceFile, context: ImportContext, emit: ([SourceRecord]) throws -> Void) throws
}

extension Importer {
    /// Decodes this importer's options from configuration and builds it.
    package static func build(options: JSONValue, at path: String, decoder: ConfigDecoder) throws(ConfigError) -> any Importer {
        let decoded = try decoder.decode(Options.self, from: options, at: path)
        do {
            return try Self(options: decoded)
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(file: decoder.file, path: path, message: "\(error)")
        }
    }
}

/// Collects records into batches of a fixed size for an importer's `emit`.
public struct BatchBuffer {
    public let capacity: Int
    public private(set) var records: [SourceRecord] = []

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        records.reserveCapacity(self.capacity)
    }

    /// Adds a record, emitting the batch when it is full.
    public mutating func append(_ record: SourceRecord, emit: ([SourceRecord]) throws -> Void) rethrows {
        records.append(record)
        if records.count >= capacity { try flush(emit: emit) }
    }

    /// Emits what is left, if anything.
    public mutating func flush(emit: ([SourceRecord]) throws -> Void) rethrows {
        guard !records.isEmpty else { return }
        let batch = records
        records.removeAll(keepingCapacity: true)
        try emit(batch)
    }
}
