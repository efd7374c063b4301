internal import Foundation
internal import MusterCore

/// Renders a ``RunReport`` as one self-contained HTML page: inline CSS, no scripts, no
/// external assets, so it opens from a mail attachment or an archive years later. Every
/// figure that report.json holds carries `data-key` (its path in report.json), which is
/// how scripts/check-report-html.sh compares the rendered page with the JSON.
enum ReportHTML {
    static func render(_ report: RunReport) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>muster run \(escape(report.runID))</title>
            <style>
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2330}
            h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d8dce5;padding-bottom:.2rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #eceef3;vertical-align:top}
            th{background:#f4f6fa;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            .status{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;font-weight:600}
            .ok{background:#dff3e4;color:#17602b}.bad{background:#fbe2e2;color:#8a1c1c}.warn{background:#fff2d6;color:#7a5200}
            .cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}.card{border:1px solid #d8dce5;border-radius:.4rem;padding:.6rem 1rem;min-width:8rem}
            .card b{display:block;font-size:1.4rem}.muted{color:#667085}code{font-size:.92em}ul{padding-left:1.2rem}
            </style></head><body>
            <h1>Run <code>\(escape(report.runID))</code> <span class="status \(statusClass(report.status))" data-key="status">\(escape(report.status))</span></h1>
            <p class="muted">\(escape(report.mode)) · \(escape(report.pipeline)) · \(escape(report.startedAt)) → \(escape(report.finishedAt ?? "—"))\(report.checkpoint.map { " · from " + escape($0) } ?? "")</p>
            <div class="cards">
            \(card("records in", report.books.recordsIn, "books.recordsIn"))\(card("accepted", report.books.accepted, "books.accepted"))\(card("merged", report.books.merged, "books.merged"))\(card("quarantined", report.books.quarantined, "books.quarantined"))\(card("participants", report.books.participants, "books.participants"))
            </div>
            <p>The books <strong data-key="books.balanced">\(report.books.balanced ? "balance" : "do NOT balance")</strong>: every record in is accepted or quarantined.</p>

            """
        html += section(
            "Reconciliation per source", headers: ["source", "in", "accepted", "merged", "quarantined"],
            rows: report.sources.enumerated().map { index, source in
                [
                    text(source.id, "sources[\(index)].id"), number(source.recordsIn, "sources[\(index)].recordsIn"),
                    number(source.accepted, "sources[\(index)].accepted"),
                    number(source.merged, "sources[\(index)].merged"), number(source.quarantined, "sources[\(index)].quarantined"),
                ]
            })
        html += section(
            "Stages", headers: ["stage", "in", "out", "quarantined", "seconds", "records/s"],
            rows: report.stages.enumerated().map { index, stage in
                [
                    text(stage.name, "stages[\(index)].name"), number(stage.recordsIn, "stages[\(index)].recordsIn"),
                    number(stage.recordsOut, "stages[\(index)].recordsOut"),
                    number(stage.quarantined, "stages[\(index)].quarantined"), "<td class=\"n\">\(String(format: "%.3f", stage.seconds))</td>",
                    "<td class=\"n\">\(String(format: "%.0f", stage.recordsPerSecond))</td>",
                ]
            })
        html += rules("Quarantine reasons", report.quarantine, key: "quarantine", showFirst: true)
        html += rules("Warnings (accepted, flagged)", report.warnings, key: "warnings", showFirst: false)
        html += section(
            "Largest clusters", headers: ["cluster (first record)", "participant", "records", "sources"],
            rows: report.clusters.largest.enumerated().map { index, cluster in
                [
                    text(cluster.cluster, "clusters.largest[\(index)].cluster"), text(cluster.participant ?? "—", "clusters.largest[\(index)].participant"),
                    number(cluster.records, "clusters.largest[\(index)].records"), "<td>\(escape(cluster.sources.joined(separator: ", ")))</td>",
                ]
            })
        html += participants(report.participants)
        html += list("Problems", report.problems)
        html += list("Diagnostics", report.diagnostics.map { "\($0.severity.rawValue): \($0.stage): \($0.message)" })
        html += list("Notes", report.notes)
        return html + "<p class=\"muted\">Personal values are masked. Written by muster.</p>\n</body></html>\n"
    }

    private static func rules(_ title: String, _ rules: [RunReport.RuleCount], key: String, showFirst: Bool) -> String {
        var headers = ["rule", "records"]
        if showFirst { headers.append("first reason") }
        headers += ["on participant", "examples (masked)"]
        return section(
            title, headers: headers,
            rows: rules.enumerated().map { index, rule in
                var cells = [text(rule.rule, "\(key)[\(index)].rule"), number(rule.records, "\(key)[\(index)].records")]
                if showFirst { cells.append(number(rule.first, "\(key)[\(index)].first")) }
                cells.append(number(rule.onParticipant, "\(key)[\(index)].onParticipant"))
                let examples = rule.examples.map { example in
                    "<li><code>\(escape(example.record))</code>: \(escape(example.message))"
                        + (example.field.map { " — \(escape($0)): " + escape(example.value ?? "missing") } ?? "") + "</li>"
                }
                cells.append("<td><ul>\(examples.joined())</ul></td>")
                return cells
            })
    }

    private static func participants(_ participants: RunReport.Participants) -> String {
        var html = "<h2>Participants</h2>\n<p>Participant ids in this run: <b data-key=\"participants.ids\">\(participants.ids)</b>. "
        if let new = participants.new {
            html += "New: <b data-key=\"participants.new.count\">\(new.count)</b>. "
        } else {
            html += "New: <span class=\"muted\">not known (written without the registry)</span>. "
        }
        html += "Merged through the registry: <b data-key=\"participants.merged.count\">\(participants.merged.count)</b>. "
        html += "Split by validate: <b data-key=\"participants.split.count\">\(participants.split.count)</b>.</p>\n"
        if let new = participants.new, !new.isEmpty { html += "<p>New ids: " + escape(abbreviated(new)) + "</p>\n" }
        if !participants.merged.isEmpty { html += "<p>Merged ids: " + escape(abbreviated(participants.merged)) + "</p>\n" }
        html += section(
            nil, headers: ["split cluster", "parts", "participants"],
            rows: participants.split.map { split in
                [
                    "<td><code>\(escape(split.cluster))</code></td>", "<td class=\"n\">\(split.parts)</td>",
                    "<td>\(escape(split.participants.joined(separator: ", ")))</td>",
                ]
            })
        return html
    }

    private static func abbreviated(_ ids: [String]) -> String {
        ids.count <= 50 ? ids.joined(separator: ", ") : ids.prefix(50).joined(separator: ", ") + " … and \(ids.count - 50) more"
    }

    private static func section(_ title: String?, headers: [String], rows: [[String]]) -> String {
        var html = title.map { "<h2>\(escape($0))</h2>\n" } ?? ""
        guard !rows.isEmpty else { return html + (title == nil ? "" : "<p class=\"muted\">none</p>\n") }
        html +=
            "<table><thead><tr>"
            + headers.enumerated().map { index, header in
                "<th\(index > 0 && !header.contains("example") && header != "sources" && header != "participant" && header != "participants" ? " class=\"n\"" : "")>\(escape(header))</th>"
            }.joined() + "</tr></thead><tbody>\n"
        for row in rows { html += "<tr>" + row.joined() + "</tr>\n" }
        return html + "</tbody></table>\n"
    }

    private static func list(_ title: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        return "<h2>\(escape(title))</h2>\n<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
    }

    private static func card(_ label: String, _ value: Int, _ key: String) -> String {
        "<div class=\"card\"><b data-key=\"\(key)\">\(value)</b>\(escape(label))</div>"
    }

    private static func number(_ value: Int, _ key: String) -> String { "<td class=\"n\" data-key=\"\(key)\">\(value)</td>" }
    private static func text(_ value: String, _ key: String) -> String { "<td data-key=\"\(key)\">\(escape(value))</td>" }

    private static func statusClass(_ status: String) -> String {
        switch status {
        case "ok": "ok"
        case "over-threshold": "warn"
        default: "bad"
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
