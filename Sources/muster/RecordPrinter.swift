internal import Foundation
internal import MusterCore

/// Renders a record for `muster inspect`: raw beside canonical per field, then issues,
/// match and quarantine; personal values masked unless asked for.
enum RecordPrinter {
    static func text(_ record: Record, showPII: Bool) -> String {
        let provenance = record.source.provenance
        var lines = ["— \(provenance.sourceID) \(provenance.reference) [\(record.source.kind.rawValue)]"]
        let canonical = record.normalized?.values ?? [:]
        let fields = Set(record.source.fields.keys).union(canonical.keys).sorted()
        for field in fields {
            let raw = record.source.fields[field].map { "\"\(mask($0, field, showPII))\"" } ?? "—"
            let value = record.normalized == nil ? "" : " → " + (canonical[field].map { "\"\(mask($0, field, showPII))\"" } ?? "(missing)")
            lines.append("    \(field): \(raw)\(value)")
        }
        for (name, value) in record.source.extras.sorted(by: { $0.key < $1.key }) {
            lines.append("    extra \(name): \"\(showPII ? value : PersonalData.mask(value, field: "raw"))\"")
        }
        if let raw = record.source.raw {
            lines.append("    raw: \"\(showPII ? raw : PersonalData.mask(raw, field: "raw"))\"")
        }
        for enrollment in record.source.enrollments {
            var parts = [enrollment.programme ?? enrollment.session ?? enrollment.title ?? "-"]
            if let raw = enrollment.status {
                parts.append("status=\(enrollment.standing?.rawValue ?? "?") (\"\(statusText(raw, enrollment.standing, showPII))\")")
            }
            parts += enrollment.attendance.map { "\($0.day)=\($0.present.map { $0 ? "hadir" : "absen" } ?? "?")" }
            lines.append("    enrollment: " + parts.joined(separator: " "))
        }
        for issue in record.normalized?.issues ?? [] {
            lines.append("    issue \(issue.code) (\(issue.field)): \(issue.message)")
        }
        if let match = record.match {
            lines.append(
                "    cluster: \(match.cluster)" + match.evidence.map { "\n      \($0.rule) ↔ \($0.other)" + ($0.weights.map { ": \($0)" } ?? "") }.joined())
        }
        for reason in record.quarantine {
            lines.append("    QUARANTINED \(reason.rule) by \(reason.stage): \(reason.message)")
        }
        if let id = record.registryID { lines.append("    registry id: \(id)") }
        return lines.joined(separator: "\n")
    }

    static func json(_ record: Record, showPII: Bool) throws -> String {
        var record = record
        if !showPII {
            record.source.fields = record.source.fields.reduce(into: [:]) { $0[$1.key] = PersonalData.mask($1.value, field: $1.key) }
            record.source.extras = record.source.extras.mapValues { PersonalData.mask($0, field: "raw") }
            record.source.raw = record.source.raw.map { PersonalData.mask($0, field: "raw") }
            for index in record.source.enrollments.indices {
                let enrollment = record.source.enrollments[index]
                record.source.enrollments[index].status = enrollment.status.map { statusText($0, enrollment.standing, false) }
            }
            if var normalized = record.normalized {
                normalized.values = normalized.values.reduce(into: [:]) { $0[$1.key] = PersonalData.mask($1.value, field: $1.key) }
                normalized.issues = normalized.issues.map { issue in
                    var issue = issue
                    issue.raw = issue.raw.map { PersonalData.mask($0, field: "raw") }
                    return issue
                }
                record.normalized = normalized
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(record), as: UTF8.self)
    }

    /// A status as the source wrote it: a known one (`LULUS`) as is; one nobody could read
    /// may be a free-text remark, so it is masked like an extra unless asked for.
    private static func statusText(_ raw: String, _ standing: EnrollmentStanding?, _ showPII: Bool) -> String {
        showPII || standing != nil ? raw : PersonalData.mask(raw, field: "raw")
    }

    private static func mask(_ value: String, _ field: String, _ showPII: Bool) -> String {
        showPII ? value : PersonalData.mask(value, field: field)
    }
}
