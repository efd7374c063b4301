import MusterCore

/// Turns one JSON object into a ``SourceRecord``: canonical fields from their paths,
/// enrollments from the trainings array, and every other leaf into `extras`, so nothing
/// in the object is lost.
struct RecordMapper: Sendable {
    /// A canonical field and the paths it may come from, tried in order.
    struct FieldRule: Sendable {
        var field: String
        var paths: [JSONPath] {
            didSet { rendered = paths.map(\.description) }
        }
        /// The paths as `extras` keys, rendered once rather than per record.
        private(set) var rendered: [String]

        init(field: String, paths: [JSONPath]) {
            self.field = field
            self.paths = paths
            rendered = paths.map(\.description)
        }
    }

    /// The part of an ``Enrollment`` an enrollment field fills.
    enum EnrollmentPart: String, Sendable, CaseIterable {
        case programme, title, date, session
    }

    struct EnrollmentRule: Sendable {
        var part: EnrollmentPart
        var paths: [JSONPath]
    }

    var fieldRules: [FieldRule]
    /// nil when enrollments are turned off; the trainings then land in `extras`.
    var enrollmentsPath: JSONPath?
    var enrollmentRules: [EnrollmentRule]

    func record(from object: JSONValue, provenance: Provenance) -> SourceRecord {
        var consumed: [String] = []
        var fields: [String: String] = [:]
        fields.reserveCapacity(fieldRules.count)
        for rule in fieldRules {
            if let value = Self.firstValue(of: rule, in: object, consumed: &consumed), fields[rule.field] == nil {
                fields[rule.field] = value
            }
        }
        let enrollments = self.enrollments(in: object, consumed: &consumed)
        var extras: [String: String] = [:]
        Self.collectLeaves(of: object, at: "", skipping: consumed, into: &extras)
        return SourceRecord(provenance: provenance, kind: .participant, fields: fields, extras: extras, enrollments: enrollments)
    }

    private func enrollments(in object: JSONValue, consumed: inout [String]) -> [Enrollment] {
        guard let path = enrollmentsPath, let value = path.resolve(in: object) else { return [] }
        let base = path.description
        var elements: [(value: JSONValue, path: String)] = []
        switch value {
        case .array(let items): elements = items.enumerated().map { ($0.element, base + "[" + String($0.offset) + "]") }
        case .object: elements = [(value, base)]
        default: return []
        }
        var enrollments: [Enrollment] = []
        for element in elements {
            guard case .object = element.value else { continue }
            var enrollment = Enrollment()
            var found = false
            for rule in enrollmentRules {
                guard let text = Self.firstValue(of: rule.paths, in: element.value, under: element.path, consumed: &consumed) else { continue }
                found = true
                switch rule.part {
                case .programme: enrollment.programme = text
                case .title: enrollment.title = text
                case .date: enrollment.date = text
                case .session: enrollment.session = text
                }
            }
            if found { enrollments.append(enrollment) }
        }
        return enrollments
    }

    /// The first path giving a non-empty scalar, trimmed. Marks it (and any empty candidates
    /// before it) consumed; later candidates stay unconsumed so they reach `extras`.
    private static func firstValue(of paths: [JSONPath], in root: JSONValue, under prefix: String, consumed: inout [String]) -> String? {
        for path in paths {
            guard let text = path.resolve(in: root)?.scalarText else { continue }
            let value = trimmed(text)
            consumed.append(path.rendered(under: prefix))
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// ``firstValue(of:in:under:consumed:)`` for a top-level field rule, with its paths rendered once.
    private static func firstValue(of rule: FieldRule, in root: JSONValue, consumed: inout [String]) -> String? {
        for (path, rendered) in zip(rule.paths, rule.rendered) {
            guard let text = path.resolve(in: root)?.scalarText else { continue }
            let value = trimmed(text)
            consumed.append(rendered)
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// `trimmingWhitespace`, skipped when both ends are visible ASCII (nearly every value).
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return text }
        return text.trimmingWhitespace
    }

    /// Every scalar leaf below `value`, keyed by its rendered path; nulls carry nothing and are skipped.
    static func collectLeaves(of value: JSONValue, at path: String, skipping consumed: [String], into extras: inout [String: String]) {
        switch value {
        case .object(let members):
            for member in members {
                collectLeaves(of: member.value, at: JSONPath.appending(key: member.key, to: path), skipping: consumed, into: &extras)
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                collectLeaves(of: item, at: path + "[" + String(index) + "]", skipping: consumed, into: &extras)
            }
        case .null:
            return
        case .bool, .number, .string:
            guard !consumed.contains(path), let text = value.scalarText else { return }
            extras[path] = trimmed(text)
        }
    }
}
