internal import ArgumentParser

/// `muster`: gathers training sign-ups from feeds, sheets and exports into one registry.
@main
struct Muster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "muster",
        abstract: "Import training sign-ups from XML feeds, CSV sheets and JSON exports into one deduplicated participant registry.",
        discussion: """
            Exit codes: 0 ok · 1 failed · 2 pipeline.json invalid · 3 locked by another run · \
            4 quarantine over threshold · 5 books do not balance · 64 bad command line.
            """,
        subcommands: [
            RunCommand.self, CheckCommand.self, InspectCommand.self, QuarantineCommand.self, RunsCommand.self, ImportersCommand.self, StagesCommand.self,
            GenerateCommand.self, ScoreCommand.self,
        ],
        defaultSubcommand: nil
    )
}
