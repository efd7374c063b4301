import MusterCore

/// Turns one record's tape into a ``SourceRecord``: canonical fields from their paths,
/// enrollments from the trainings array, and every other leaf into `extras`, so nothing
/// in the object is lost. Only the values kept become Strings.
///
/// A path counts as used (and its leaf stays out of `extras`) by its rendered text, the
/// way `extras` keys are written, so a repeated key or a key containing a dot is treated
/// as the paths an operator writes.
struct RecordMapper: Sendable {
    /// A canonical field and the paths it may come from, tried in order.
    struct FieldRule: Sendable {
        var field: String
        var paths: [JSONPath]
    }

    /// The part of an ``Enrollment`` an enrollment field fills.
    enum EnrollmentPart: String, Sendable, CaseIterable {
        case programme, title, date, session
    }

    struct EnrollmentRule: Sendable {
        var part: EnrollmentPart
        var paths: [JSONPath]
    }

    /// Buffers one reader reuses record after record.
    struct Scratch {
        var used = UsedPaths()
        var path: [UInt8] = []
        var found: [Int] = []
        var foundInElement: [Int] = []
    }

    /// A rule's path: where it ends in its plan and its rendered text (an `extras` key,
    /// or for enrollment fields the part after the element's own path).
    struct Lookup: Sendable {
        var end: Int
        var rendered: [UInt8]
        var isASCII: Bool
        var startsWithKey: Bool

        init(end: Int, path: JSONPath) {
            self.end = end
            rendered = Array(path.description.utf8)
            isASCII = rendered.allSatisfy { $0 < 0x80 }
            if case .key? = path.components.first { startsWithKey = true } else { startsWithKey = false }
        }
    }

    let fieldRules: [FieldRule]
    let enrollmentRules: [EnrollmentRule]
    /// Field paths and the enrollments path, looked up from the record's root.
    private let plan: MappingPlan
    /// Enrollment field paths, looked up from each training.
    private let elementPlan: MappingPlan
    private let fieldLookups: [[Lookup]]
    private let partLookups: [[Lookup]]
    /// nil when enrollments are turned off; the trainings then land in `extras`.
    private let enrollments: Lookup?

    init(fieldRules: [FieldRule], enrollmentsPath: JSONPath?, enrollmentRules: [EnrollmentRule]) {
        self.fieldRules = fieldRules
        self.enrollmentRules = enrollmentRules
        let rootPaths = fieldRules.flatMap(\.paths) + (enrollmentsPath.map { [$0] } ?? [])
        let (plan, ends) = MappingPlan.build(rootPaths)
        self.plan = plan
        var next = 0
        fieldLookups = fieldRules.map { rule in
            rule.paths.map { path in
                defer { next += 1 }
                return Lookup(end: ends[next], path: path)
            }
        }
        enrollments = enrollmentsPath.map { Lookup(end: ends[next], path: $0) }
        let (elementPlan, partEnds) = MappingPlan.build(enrollmentRules.flatMap(\.paths))
        self.elementPlan = elementPlan
        next = 0
        partLookups = enrollmentRules.map { rule in
            rule.paths.map { path in
                defer { next += 1 }
                return Lookup(end: partEnds[next], path: path)
            }
        }
    }

    /// The record for the object at the tape's root.
    func record(from tape: RecordTape, provenance: Provenance, scratch: inout Scratch) -> SourceRecord {
        scratch.used.removeAll()
        plan.match(tape, from: 0, into: &scratch.found)
        // Each field has one rule (the importer merges options by field name), so the
        // first value found for a field is its only one.
        var fields = [String: String](minimumCapacity: fieldRules.count)
        for (rule, lookups) in zip(fieldRules, fieldLookups) {
            if let value = Self.firstValue(of: lookups, in: tape, found: scratch.found, under: [], prefixIsASCII: true, used: &scratch.used) {
                fields[rule.field] = value
            }
        }
        let enrollments = self.enrollments(in: tape, scratch: &scratch)
        var extras: [String: String] = [:]
        scratch.path.removeAll(keepingCapacity: true)
        Self.collectLeaves(of: 0, in: tape, isASCII: true, scratch: &scratch, into: &extras)
        return SourceRecord(provenance: provenance, kind: .participant, fields: fields, extras: extras, enrollments: enrollments)
    }

    private func enrollments(in tape: RecordTape, scratch: inout Scratch) -> [Enrollment] {
        guard let path = enrollments else { return [] }
        let node = scratch.found[path.end]
        guard node >= 0 else { return [] }
        var result: [Enrollment] = []
        switch tape.nodes[node].kind {
        case .array:
            var item = node + 1
            var position = 0
            var prefix = path.rendered
            while item < tape.nodes[node].next {
                if tape.nodes[item].kind == .object {
                    prefix.removeSubrange(path.rendered.count...)
                    prefix.append(UInt8(ascii: "["))
                    prefix.append(contentsOf: String(position).utf8)
                    prefix.append(UInt8(ascii: "]"))
                    if let enrollment = enrollment(at: item, in: tape, under: prefix, prefixIsASCII: path.isASCII, scratch: &scratch) {
                        result.append(enrollment)
                    }
                }
                item = tape.nodes[item].next
                position += 1
            }
        case .object:
            if let enrollment = enrollment(at: node, in: tape, under: path.rendered, prefixIsASCII: path.isASCII, scratch: &scratch) {
                result.append(enrollment)
            }
        default:
            break
        }
        return result
    }

    private func enrollment(at node: Int, in tape: RecordTape, under prefix: [UInt8], prefixIsASCII: Bool, scratch: inout Scratch) -> Enrollment? {
        elementPlan.match(tape, from: node, into: &scratch.foundInElement)
        var enrollment = Enrollment()
        var found = false
        for (rule, lookups) in zip(enrollmentRules, partLookups) {
            guard
                let text = Self.firstValue(
                    of: lookups, in: tape, found: scratch.foundInElement, under: prefix, prefixIsASCII: prefixIsASCII, used: &scratch.used)
            else { continue }
            found = true
            switch rule.part {
            case .programme: enrollment.programme = text
            case .title: enrollment.title = text
            case .date: enrollment.date = text
            case .session: enrollment.session = text
            }
        }
        return found ? enrollment : nil
    }

    /// The first path giving a non-empty scalar, trimmed. Marks it (and any empty candidates
    /// before it) used; later candidates stay unused so they reach `extras`.
    private static func firstValue(
        of lookups: [Lookup], in tape: RecordTape, found: [Int], under prefix: [UInt8], prefixIsASCII: Bool, used: inout UsedPaths
    ) -> String? {
        for lookup in lookups {
            let node = found[lookup.end]
            guard node >= 0, let text = tape.scalarText(of: tape.nodes[node]) else { continue }
            let value = trimmed(text)
            used.append(lookup, under: prefix, prefixIsASCII: prefixIsASCII)
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

    /// Every scalar leaf below `node`, keyed by its rendered path (`scratch.path`, ASCII
    /// when `isASCII`); nulls carry nothing and are skipped.
    static func collectLeaves(of node: Int, in tape: RecordTape, isASCII: Bool, scratch: inout Scratch, into extras: inout [String: String]) {
        let value = tape.nodes[node]
        switch value.kind {
        case .object:
            var member = node + 1
            while member < value.next {
                let length = scratch.path.count
                if length > 0 { scratch.path.append(UInt8(ascii: ".")) }
                let keyIsASCII = tape.appendKey(tape.nodes[member], to: &scratch.path)
                collectLeaves(of: member + 1, in: tape, isASCII: isASCII && keyIsASCII, scratch: &scratch, into: &extras)
                scratch.path.removeSubrange(length...)
                member = tape.nodes[member + 1].next
            }
        case .array:
            var item = node + 1
            var position = 0
            while item < value.next {
                let length = scratch.path.count
                scratch.path.append(UInt8(ascii: "["))
                scratch.path.append(contentsOf: String(position).utf8)
                scratch.path.append(UInt8(ascii: "]"))
                collectLeaves(of: item, in: tape, isASCII: isASCII, scratch: &scratch, into: &extras)
                scratch.path.removeSubrange(length...)
                item = tape.nodes[item].next
                position += 1
            }
        case .null:
            return
        case .string, .number, .true, .false:
            guard !scratch.used.contains(scratch.path, isASCII: isASCII), let text = tape.scalarText(of: value) else { return }
            extras[String(decoding: scratch.path, as: UTF8.self)] = trimmed(text)
        }
    }
}

extension RecordMapper {
    /// The rendered paths a record's fields and enrollments used, in one reused buffer.
    struct UsedPaths {
        private var bytes: [UInt8] = []
        private var entries: [(end: Int, isASCII: Bool)] = []

        mutating func removeAll() {
            bytes.removeAll(keepingCapacity: true)
            entries.removeAll(keepingCapacity: true)
        }

        /// Adds `lookup`'s path as ``JSONPath/rendered(under:)`` writes it below `prefix`.
        mutating func append(_ lookup: Lookup, under prefix: [UInt8], prefixIsASCII: Bool) {
            bytes.append(contentsOf: prefix)
            if !prefix.isEmpty && lookup.startsWithKey { bytes.append(UInt8(ascii: ".")) }
            bytes.append(contentsOf: lookup.rendered)
            entries.append((bytes.count, lookup.isASCII && prefixIsASCII))
        }

        /// Whether `path` was used, compared as Swift compares Strings.
        func contains(_ path: [UInt8], isASCII: Bool) -> Bool {
            var start = 0
            for entry in entries {
                defer { start = entry.end }
                guard isASCII && entry.isASCII else {
                    if String(decoding: bytes[start..<entry.end], as: UTF8.self) == String(decoding: path, as: UTF8.self) { return true }
                    continue
                }
                guard entry.end - start == path.count else { continue }
                if bytes[start..<entry.end].elementsEqual(path) { return true }
            }
            return false
        }
    }
}
