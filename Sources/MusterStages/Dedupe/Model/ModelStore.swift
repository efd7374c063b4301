internal import Foundation

/// A trained model saved beside the registry as JSON, so the next night reuses it instead of
/// training again (its match share is still estimated on every run). A model saved for other
/// comparisons is never read at the wrong level: the stage checks ``MatchModel/mismatch(with:)``.
struct ModelStore {
    let path: String

    /// The saved model, or nil when there is none.
    func load() throws -> MatchModel? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try JSONDecoder().decode(MatchModel.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Saves the model atomically, creating its folder.
    func save(_ model: MatchModel) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(model).write(to: url, options: .atomic)
    }

    /// Where each training rule's full table (m, u and weight per level) is written beside the
    /// model: the run report carries the combined model, this file what each EM block learned.
    var trainingPath: String { (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + ".training.txt" }

    /// Writes each training rule's report, one block per rule.
    func saveTraining(_ rules: [(id: String, report: TrainingReport)]) throws {
        let text = rules.map { "training on \($0.id)\n\($0.report)\n" }.joined(separator: "\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: trainingPath), options: .atomic)
    }
}
