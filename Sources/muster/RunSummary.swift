internal import Foundation
internal import MusterCore
internal import MusterPipeline

/// The run's summary as printed at the end of `muster run`: per stage counts, time and
/// rate; the books; warnings and problems; where the checkpoints and registry are.
struct RunSummary {
    let manifest: RunManifest
    let runDirectory: String

    var text: String {
        var lines = ["run \(manifest.runID) — \(manifest.mode) — \(manifest.status.rawValue)"]
        let header = ["stage", "in", "out", "quarantined", "seconds", "records/s"]
        var rows = [header]
        for stage in manifest.stages {
            rows.append([
                stage.name, "\(stage.recordsIn)", "\(stage.recordsOut)", "\(stage.quarantined)",
                String(format: "%.3f", stage.seconds), String(format: "%.0f", stage.recordsPerSecond),
            ])
        }
        lines += table(rows)
        if let input = manifest.stages.first?.input { lines.append("input: \(input)") }
        if let books = manifest.reconciliation {
            let balanced = books.balanced ? "balanced" : "NOT BALANCED"
            lines.append("books: \(books.recordsIn) in = \(books.accepted) accepted + \(books.quarantined) quarantined (\(balanced))")
            for (source, counts) in books.bySource.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(source): \(counts.recordsIn) in = \(counts.accepted) accepted + \(counts.quarantined) quarantined")
            }
        }
        for entry in manifest.diagnostics where entry.severity != .error {
            lines.append("\(entry.severity.rawValue): \(entry.stage): \(entry.message)")
        }
        for problem in manifest.problems { lines.append("problem: \(problem)") }
        if let pruned = manifest.prunedRuns { lines.append("pruned: \(pruned.count) older run folders (keepRuns in pipeline.json)") }
        lines.append("checkpoints: \(runDirectory)")
        return lines.joined(separator: "\n")
    }

    private func table(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
    }
}
