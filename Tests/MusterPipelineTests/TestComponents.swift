import ContentHash
import Foundation
import MusterCore
import MusterStages

/// A tiny importer for runner tests: one record per line, `name,phone`; a line starting
/// with `!` is unreadable (rejected with its line); a file named `broken*` cannot be read.
struct LinesImporter: Importer {
    struct Options: Decodable, Sendable {}

    static let descriptor = ImporterDescriptor(id: "lines", summary: "test lines", fileTypes: ["txt"], options: [])

    init(options: Options) {}

    func read(_ file: SourceFile, context: ImportContext, emit: ([SourceRecord]) throws -> Void) throws {
        if file.path.contains("broken") {
            throw MusterError(.unreadableInput, "cannot be read", location: file.path + ":1:1")
        }
        let text = (try? String(contentsOfFile: file.absolutePath, encoding: .utf8)) ?? ""
        var buffer = BatchBuffer(capacity: context.batchSize)
        for (index, line) in text.split(separator: "\n").enumerated() {
            let provenance = context.provenance(file: file, locator: "line:\(index + 1)", content: Array(line.utf8))
            if line.hasPrefix("!") {
                try buffer.append(.rejected(provenance, reason: Rejection(message: "unreadable line", position: "line \(index + 1)")), emit: emit)
                continue
            }
            let parts = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try buffer.append(SourceRecord(provenance: provenance, fields: [Field.name: parts[0], Field.phone: parts.count > 1 ? parts[1] : ""]), emit: emit)
        }
        try buffer.flush(emit: emit)
    }
}

/// Appends its stage name to each record's `trail` field, so tests can see which stages ran in which order.
final class TagStage: RecordTransform {
    struct Options: Decodable, Sendable {}

    static let descriptor = StageDescriptor(id: "tag", summary: "test tag", options: [])
    let name: String

    init(options: Options, context: StageContext) {
        name = context.stageName
    }

    func transform(_ record: inout Record) {
        let trail = record.source.fields["trail"].map { $0 + "," } ?? ""
        record.source.fields["trail"] = trail + name
    }
}

/// Breaks the stage contract: drops the first record it sees.
final class DropStage: Stage {
    struct Options: Decodable, Sendable {}

    static let descriptor = StageDescriptor(id: "drop", summary: "test drop", options: [])
    private var dropped = false

    init(options: Options, context: StageContext) {}

    func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws {
        var batch = batch
        if !dropped, !batch.isEmpty {
            batch.removeFirst()
            dropped = true
        }
        try emit(batch)
    }

    func finish(emit: (RecordBatch) throws -> Void) throws {}
}

/// Breaks the contract subtly: same count out, but one record replaced by a copy of another.
final class SwapStage: Stage {
    struct Options: Decodable, Sendable {}

    static let descriptor = StageDescriptor(id: "swap", summary: "test swap", options: [])

    init(options: Options, context: StageContext) {}

    func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws {
        var batch = batch
        if batch.count >= 2 { batch[1] = batch[0] }
        try emit(batch)
    }

    func finish(emit: (RecordBatch) throws -> Void) throws {}
}

/// Fails on the first batch it receives, as a stage whose database went away would.
final class FailStage: Stage {
    struct Options: Decodable, Sendable {}

    static let descriptor = StageDescriptor(id: "fail", summary: "test fail", options: [])

    init(options: Options, context: StageContext) {}

    func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws {
        throw MusterError(.stageFailed, "the test stage failed", location: "stage fail")
    }

    func finish(emit: (RecordBatch) throws -> Void) throws {}
}

/// Emits each batch in reverse order and marks every record: a streaming stage that does not
/// keep the order, whose checkpoint patches must still find their base records.
final class ReverseStage: Stage {
    struct Options: Decodable, Sendable {}

    static let descriptor = StageDescriptor(id: "reverse", summary: "test reverse", options: [])

    init(options: Options, context: StageContext) {}

    func process(_ batch: RecordBatch, emit: (RecordBatch) throws -> Void) throws {
        try emit(
            batch.reversed().map { record in
                var record = record
                record.registryID = "R-" + record.key
                return record
            })
    }

    func finish(emit: (RecordBatch) throws -> Void) throws {}
}
