import MusterCore

/// Turns one record's tape into a ``SourceRecord``: canonical fields from their paths,
/// enrollments from the trainings array, and every other leaf into `extras`, so nothing
/// in the object is lost. Only the values kept become Strings.
///
/// A path counts as used (and its leaf stays out of `extras`) by its rendered text, the
/// way `extras` keys are written, so a repeated key or a key containing a dot is treated
/// exactly as the paths an operator writes.
struct RecordMapper: Sendable {
    /// A canonical field and the paths it may come from, tried in order.
    struct FieldRule: Sendable {
        var field: String
        var paths: [JSONPath] {
            didSet { compile() }
        }
        /// The paths ready for lookups, and rendered as `extras` keys, once rather than per record.
        private(set) var lookups: [TapePath] = []

        init(field: String, paths: [JSONPath]) {
            self.field = field
            self.paths = paths
            compile()
        }

        private mutating func compile() {
            lookups = paths.map(TapePath.init)
        }
    }

    /// The part of an ``Enrollment`` an enrollment field fills.
    enum EnrollmentPart: String, Sendable, CaseIterable {
        case programme, title, date, session
    }

    struct EnrollmentRule: Sendable {
        var part: EnrollmentPart
        var paths: [JSONPath] {
            didSet { lookups = paths.map(TapePath.init) }
        }
        private(set) var lookups: [TapePath]

        init(part: EnrollmentPart, paths: [JSONPath]) {
            self.part = part
            self.paths = paths
            lookups = paths.map(TapePath.init)
        }
    }

    /// Buffers one reader reuses record after record.
    struct Scratch {
        var used = UsedPaths()
        var path: [UInt8] = []
    }

    var fieldRules: [FieldRule]
    var enrollmentRules: [EnrollmentRule]
    /// nil when enrollments are turned off; the trainings then land in `extras`.
    private let enrollments: TapePath?

    init(fieldRules: [FieldRule], enrollmentsPath: JSONPath?, enrollmentRules: [EnrollmentRule]) {
        self.fieldRules = fieldRules
        self.enrollmentRules = enrollmentRules
        enrollments = enrollmentsPath.map(TapePath.init)
    }

    /// The record for the object at the tape's root.
    func record(from tape: RecordTape, provenance: Provenance, scratch: inout Scratch) -> SourceRecord {
        scratch.used.removeAll()
        var fields = [String: String](minimumCapacity: fieldRules.count)
        for rule in fieldRules {
            if let value = Self.firstValue(of: rule.lookups, in: tape, at: 0, under: [], prefixIsASCII: true, used: &scratch.used),
                fields[rule.field] == nil
            {
                fields[rule.field] = value
            }
        }
        let enrollments = self.enrollments(in: tape, used: &scratch.used)
        var extras: [String: String] = [:]
        scratch.path.removeAll(keepingCapacity: true)
        Self.collectLeaves(of: 0, in: tape, isASCII: true, scratch: &scratch, into: &extras)
        return SourceRecord(provenance: provenance, kind: .participant, fields: fields, extras: extras, enrollments: enrollments)
    }

    private func enrollments(in tape: RecordTape, used: inout UsedPaths) -> [Enrollment] {
        guard let path = enrollments, let node = tape.resolve(path, from: 0) else { return [] }
        var base: [UInt8] = []
        let baseIsASCII = path.render(appendingTo: &base)
        var result: [Enrollment] = []
        switch tape.nodes[node].kind {
        case .array:
            var item = node + 1
            var position = 0
            var prefix = base
            while item < tape.nodes[node].next {
                if tape.nodes[item].kind == .object {
                    prefix.removeSubrange(base.count...)
                    prefix.append(UInt8(ascii: "["))
                    prefix.append(contentsOf: String(position).utf8)
                    prefix.append(UInt8(ascii: "]"))
                    if let enrollment = enrollment(at: item, in: tape, under: prefix, prefixIsASCII: baseIsASCII, used: &used) {
                        result.append(enrollment)
                    }
                }
                item = tape.nodes[item].next
                position += 1
            }
        case .object:
            if let enrollment = enrollment(at: node, in: tape, under: base, prefixIsASCII: baseIsASCII, used: &used) {
                result.append(enrollment)
            }
        default:
            break
        }
        return result
    }

    private func enrollment(at node: Int, in tape: RecordTape, under prefix: [UInt8], prefixIsASCII: Bool, used: inout UsedPaths) -> Enrollment? {
        var enrollment = Enrollment()
        var found = false
        for rule in enrollmentRules {
            guard let text = Self.firstValue(of: rule.lookups, in: tape, at: node, under: prefix, prefixIsASCII: prefixIsASCII, used: &used) else {
                continue
            }
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
        of paths: [TapePath], in tape: RecordTape, at node: Int, under prefix: [UInt8], prefixIsASCII: Bool, used: inout UsedPaths
    ) -> String? {
        for path in paths {
            guard let found = tape.resolve(path, from: node), let text = tape.scalarText(of: tape.nodes[found]) else { continue }
            let value = trimmed(text)
            used.append(path, under: prefix, prefixIsASCII: prefixIsASCII)
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

        mutating func append(_ path: TapePath, under prefix: [UInt8], prefixIsASCII: Bool) {
            let start = bytes.count
            bytes.append(contentsOf: prefix)
            let isASCII = path.render(appendingTo: &bytes, from: start) && prefixIsASCII
            entries.append((bytes.count, isASCII))
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
