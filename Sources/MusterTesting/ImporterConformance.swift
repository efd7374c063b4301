public import MusterCore

/// The checks every importer must pass, whatever its format. Call from a test with the
/// importer built from its options and a few files of its format:
///
/// ```swift
/// let failures = try ImporterConformance(importer: CSVSignupImporter(options: .init()))
///     .run(valid: sample, malformed: broken, empty: empty, personalValues: ["Siti Aminah"])
/// #expect(failures.isEmpty, "\(failures)")
/// ```
///
/// Each returned string describes one broken rule; an empty list means the importer conforms.
public struct ImporterConformance {
    public var importer: any Importer
    public var sourceID = "conformance"

    public init(importer: any Importer) {
        self.importer = importer
    }

    /// Reads a file completely, returning its batches, or the error the importer threw.
    public func read(_ file: SourceFile, batchSize: Int = 512) -> (batches: [[SourceRecord]], error: (any Error)?) {
        var batches: [[SourceRecord]] = []
        do {
            try importer.read(file, context: ImportContext(sourceID: sourceID, batchSize: batchSize)) { batches.append($0) }
            return (batches, nil)
        } catch {
            return (batches, error)
        }
    }

    /// Runs every check. `personalValues` are strings present in the files that must never
    /// appear in an error or rejection message.
    public func run(valid: SourceFile, malformed: SourceFile?, empty: SourceFile?, personalValues: [String] = []) -> [String] {
        var failures: [String] = []
        failures += checkValid(valid)
        failures += checkBatchLimit(valid)
        failures += checkStable(valid)
        if let empty { failures += checkEmpty(empty) }
        if let malformed { failures += checkMalformed(malformed, personalValues: personalValues) }
        return failures
    }

    func checkValid(_ file: SourceFile) -> [String] {
        let (batches, error) = read(file)
        if let error { return ["valid file \(file.path) threw: \(error)"] }
        let records = batches.flatMap { $0 }
        var failures: [String] = []
        if records.isEmpty { failures.append("valid file \(file.path) gave no records") }
        var seen: Set<String> = []
        for record in records {
            let provenance = record.provenance
            if provenance.sourceID != sourceID { failures.append("\(provenance.locator): sourceID is \(provenance.sourceID)") }
            if provenance.file != file.path { failures.append("\(provenance.locator): file is \(provenance.file), expected \(file.path)") }
            if provenance.locator.isEmpty { failures.append("a record has an empty locator") }
            if provenance.contentHash.count != 64 || !provenance.contentHash.allSatisfy(\.isHexDigit) {
                failures.append("\(provenance.locator): content hash is not SHA-256 hex")
            }
            if !seen.insert(provenance.locator).inserted { failures.append("locator \(provenance.locator) is not unique") }
        }
        return failures
    }

    func checkBatchLimit(_ file: SourceFile) -> [String] {
        let (batches, _) = read(file, batchSize: 2)
        return batches.enumerated().compactMap { index, batch in
            batch.isEmpty || batch.count > 2 ? "batch \(index) holds \(batch.count) records with batchSize 2" : nil
        }
    }

    func checkStable(_ file: SourceFile) -> [String] {
        let first = read(file).batches.flatMap { $0 }.map(\.provenance)
        let second = read(file, batchSize: 3).batches.flatMap { $0 }.map(\.provenance)
        return first == second ? [] : ["reading \(file.path) twice gave different provenance"]
    }

    func checkEmpty(_ file: SourceFile) -> [String] {
        let (batches, error) = read(file)
        if let error {
            return "\(error)".contains(file.path) ? [] : ["empty file error does not name the file: \(error)"]
        }
        let count = batches.reduce(0) { $0 + $1.count }
        return count == 0 ? [] : ["empty file gave \(count) records"]
    }

    func checkMalformed(_ file: SourceFile, personalValues: [String]) -> [String] {
        let (batches, error) = read(file)
        var messages: [String] = []
        var failures: [String] = []
        if let error {
            let text = "\(error)"
            messages.append(text)
            if !text.contains(file.path) { failures.append("malformed-file error does not name the file: \(text)") }
        }
        let rejected = batches.flatMap { $0 }.compactMap(\.rejection)
        if error == nil && rejected.isEmpty { failures.append("malformed file \(file.path) gave neither an error nor a rejected record") }
        for rejection in rejected {
            messages.append(rejection.message)
            if rejection.position?.isEmpty ?? true { failures.append("rejection without a position: \(rejection.message)") }
        }
        for message in messages {
            for value in personalValues where message.contains(value) {
                failures.append("a message reveals personal data: \(message)")
            }
        }
        return failures
    }
}
