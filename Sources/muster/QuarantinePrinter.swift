internal import MusterCore
internal import MusterStages

/// Renders quarantine rows for `muster quarantine`: position, rules and messages, and the
/// value of each field involved — masked unless asked for.
enum QuarantinePrinter {
    static func text(_ entry: QuarantineEntry, showPII: Bool) -> String {
        var lines = ["— \(entry.sourceID) \(entry.reference)  [run \(entry.runID)]"]
        let fields = (try? entry.sourceRecord())?.fields ?? [:]
        for reason in entry.reasons {
            var line = "    \(reason.rule) (\(reason.stage)): \(reason.message)"
            if let field = reason.field, !field.isEmpty {
                let value = fields[field].map { "\"\(showPII ? $0 : PersonalData.mask($0, field: field))\"" } ?? "missing"
                line += " — \(field): \(value)"
            }
            lines.append(line)
        }
        switch entry.later {
        case .accepted(let run)?: lines.append("    → accepted in run \(run)")
        case .quarantined(let run)?: lines.append("    → quarantined again in run \(run)")
        case nil: break
        }
        return lines.joined(separator: "\n")
    }

    /// One line per rule: how many records broke it (a record breaking two rules counts
    /// under both) and how many had it as their first reason, with an example position.
    static func counts(_ entries: [QuarantineEntry]) -> String {
        var rows: [String: (count: Int, first: Int, example: String)] = [:]
        for entry in entries {
            for rule in Set(entry.rules).sorted() {
                var row = rows[rule] ?? (0, 0, entry.reference)
                row.count += 1
                if entry.rules.first == rule { row.first += 1 }
                rows[rule] = row
            }
        }
        let sorted = rows.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
        let width = max(4, sorted.map(\.key.count).max() ?? 0)
        var lines = ["rule".padding(width) + "  records  first  example"]
        for (rule, row) in sorted {
            lines.append(rule.padding(width) + "  " + String(row.count).leftPadding(7) + "  " + String(row.first).leftPadding(5) + "  " + row.example)
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    func leftPadding(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
