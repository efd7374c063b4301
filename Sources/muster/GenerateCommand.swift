internal import ArgumentParser
internal import MusterGenerator

/// `muster generate`: synthetic sources of every format with their ground truth and a
/// ready pipeline.json, for scoring and timing the pipeline.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write synthetic sign-up sheets, exports and feeds with their ground truth (truth.csv) and a pipeline.json.",
        discussion: """
            The same --seed gives the same bytes. Run the result with `muster run --pipeline DIR/pipeline.json`, \
            then compare the registry with the truth: `muster score --truth DIR/truth.csv`.
            """
    )

    @Option(help: "How many distinct people.")
    var people: Int

    @Option(help: "Seeds every random choice.")
    var seed: UInt64 = 1

    @Option(help: "The output folder (created if needed).")
    var out: String

    @Option(name: .customLong("records-per-person-mean"), help: "The average number of records about one person (at least 1).")
    var recordsPerPersonMean: Double = 2.5

    @Option(name: .customLong("invalid-share"), help: "The share of participant records made invalid (0–1).")
    var invalidShare: Double = 0.03

    func validate() throws {
        guard people >= 1 else { throw ValidationError("--people must be at least 1") }
        guard recordsPerPersonMean >= 1 && recordsPerPersonMean <= 50 else { throw ValidationError("--records-per-person-mean must be between 1 and 50") }
        guard (0...1).contains(invalidShare) else { throw ValidationError("--invalid-share must be between 0 and 1") }
    }

    func run() throws {
        let configuration = Generator.Configuration(people: people, seed: seed, recordsPerPerson: recordsPerPersonMean, invalidShare: invalidShare)
        do {
            let summary = try Generator(configuration).generate(into: out)
            print(summary.text)
        } catch {
            throw reportFailure(error, verbose: false)
        }
    }
}
