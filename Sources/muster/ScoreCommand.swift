internal import ArgumentParser
internal import Foundation
internal import GRDB
internal import MusterCore
internal import MusterGenerator
internal import MusterStages

/// `muster score`: how a run's registry compares with a generated folder's ground truth.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Compare the registry with a ground truth (truth.csv from `muster generate`): merge and validation figures.",
        discussion: """
            Merges: pairwise precision, recall and F1 over the truth's valid participant records, for pairs of two \
            sheet or export records and for pairs with a news table row; B-cubed; exact-cluster rate, split people and \
            over-merged clusters, by cause when people.csv lies beside the truth (twin, household, namesake). Validation: precision and recall of the newest run's quarantine \
            against the invalid reasons. The registry is --registry, else the export stage's registry of --pipeline, \
            else that of the pipeline.json beside the truth file.
            """
    )

    @Option(help: "The ground truth: ref,person_id,invalid_reason per record.")
    var truth: String

    @Option(help: "The SQLite registry to score.")
    var registry: String?

    @Option(name: [.short, .long], help: "The pipeline whose export registry to score.")
    var pipeline: String?

    @Flag(help: "Print the figures as JSON.")
    var json = false

    func run() throws {
        do {
            let truth = try Truth.load(truth)
            let people = try PeopleFile.load(folder + "people.csv")
            let path = try registryPath()
            let (accepted, quarantined) = try Self.read(registry: path)
            let score = Scorer(truth: truth, people: people).score(accepted: accepted, quarantined: quarantined)
            print(json ? score.json : "registry \(path)\n" + score.table)
        } catch {
            throw reportFailure(error, verbose: false)
        }
    }

    /// The truth file's folder, with its slash (empty for the working directory).
    private var folder: String {
        (truth as NSString).deletingLastPathComponent.isEmpty ? "" : (truth as NSString).deletingLastPathComponent + "/"
    }

    private func registryPath() throws -> String {
        if let registry { return registry }
        let pipelineFile = pipeline ?? folder + "pipeline.json"
        return try ExportStage.registryPath(in: PipelineConfiguration.load(file: pipelineFile))
    }

    /// The participant records and the newest run's quarantine, as plain rows.
    static func read(registry path: String) throws -> ([Scorer.Placement], [Scorer.Quarantined]) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw MusterError(.registry, "no registry at \(path); run the pipeline first")
        }
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: path, configuration: configuration)
        return try database.read { db in
            let accepted = try Row.fetchAll(
                db, sql: "SELECT file, locator, participant_id FROM source_records WHERE kind = 'participant' AND participant_id IS NOT NULL"
            )
            .map { row in Scorer.Placement(ref: "\(row[0] as String)#\(row[1] as String)", participant: row[2]) }
            let quarantined = try Row.fetchAll(
                db,
                sql: "SELECT file, locator, rules FROM quarantine WHERE run_id = (SELECT id FROM runs ORDER BY finished_at DESC, id DESC LIMIT 1)"
            ).map { row in
                Scorer.Quarantined(ref: "\(row[0] as String)#\(row[1] as String)", rules: (row[2] as String).split(separator: ",").map(String.init))
            }
            return (accepted, quarantined)
        }
    }
}
