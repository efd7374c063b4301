import MusterCore

/// Turns one record's tape into a ``SourceRecord``: canonical fields from their paths (an
/// array of scalars there is one value, its items joined with ` / `), enrollments from the
/// trainings array, and every other leaf into `extras`, so nothing in the object is lost.
/// Only the values kept become Strings.
///
/// A path counts as used (and its leaf stays out of `extras`) by its rendered text, the
/// way `extras` keys are written, so a repeated key or a key containing a dot is treated
/// as the paths an operator writes.
final class RecordMapper: Sendable {
    /// A canonical field and the paths it may come from, tried in order.
    struct FieldRule: Sendable {
        var field: String
        var paths: [JSONPath]
    }

    /// The part of an ``Enrollment`` an enrollment field fills.
    enum EnrollmentPart: String, Sendable, CaseIterable {
        case programme, title, date, session, status
    }

    struct EnrollmentRule: Sendable {
        var part: EnrollmentPart
        var paths: [JSONPath]
    }

    /// Buffers one reader reuses record after record.
    struct Scratch {
        var used = UsedPaths()
        /// Tape nodes a used path resolved to: their leaves are left out of `extras`
        /// without rendering their paths.
        var usedNodes: [Bool] = []
        /// The way from a leaf up to the root, see `renderPath`.
        var trail: [Int] = []
        var path: [UInt8] = []
        /// An enrollment element's rendered path.
        var prefix: [UInt8] = []
        var found: [Int] = []
        var foundInElement: [Int] = []
    }

    /// A rule's path: where it ends in its plan and where its rendered text is in
    /// ``rendered`` (an `extras` key, or for enrollment fields the part after the
    /// element's own path). Plain values only, so reading one costs no reference counting.
    struct Lookup: Sendable {
        var end: Int
        var rendered: Range<Int>
        var isASCII: Bool
        var startsWithKey: Bool
    }

    private let fieldNames: [String]
    private let enrollmentParts: [EnrollmentPart]
    /// Field paths and the enrollments path, looked up from the record's root.
    private let plan: MappingPlan
    /// Enrollment field paths, looked up from each training.
    private let elementPlan: MappingPlan
    /// Each rule's lookups, in order: `lookups[ranges[rule]]`.
    private let fieldLookups: [Lookup]
    private let fieldRanges: [Range<Int>]
    private let partLookups: [Lookup]
    private let partRanges: [Range<Int>]
    /// nil when enrollments are turned off; the trainings then land in `extras`.
    private let enrollments: Lookup?
    /// Every lookup's rendered path, as UTF-8.
    private let rendered: [UInt8]

    init(fieldRules: [FieldRule], enrollmentsPath: JSONPath?, enrollmentRules: [EnrollmentRule]) {
        fieldNames = fieldRules.map(\.field)
        enrollmentParts = enrollmentRules.map(\.part)
        var rendered: [UInt8] = []
        func lookup(_ path: JSONPath, end: Int) -> Lookup {
            let start = rendered.count
            rendered += Array(path.description.utf8)
            var startsWithKey = false
            if case .key? = path.components.first { startsWithKey = true }
            return Lookup(end: end, rendered: start..<rendered.count, isASCII: rendered[start...].allSatisfy { $0 < 0x80 }, startsWithKey: startsWithKey)
        }
        func lookups(_ rules: [[JSONPath]], ends: [Int]) -> ([Lookup], [Range<Int>]) {
            var all: [Lookup] = []
            var ranges: [Range<Int>] = []
            for paths in rules {
                let start = all.count
                for path in paths { all.append(lookup(path, end: ends[all.count])) }
                ranges.append(start..<all.count)
            }
            return (all, ranges)
        }
        let fieldPaths = fieldRules.map(\.paths)
        let (plan, ends) = MappingPlan.build(fieldPaths.flatMap { $0 } + (enrollmentsPath.map { [$0] } ?? []))
        self.plan = plan
        (fieldLookups, fieldRanges) = lookups(fieldPaths, ends: ends)
        enrollments = enrollmentsPath.map { lookup($0, end: ends[ends.count - 1]) }
        let partPaths = enrollmentRules.map(\.paths)
        let (elementPlan, partEnds) = MappingPlan.build(partPaths.flatMap { $0 })
        self.elementPlan = elementPlan
        (partLookups, partRanges) = lookups(partPaths, ends: partEnds)
        self.rendered = rendered
    }

    /// The record for the object at the tape's root.
    func record(from tape: RecordTape, provenance: Provenance, scratch: inout Scratch) -> SourceRecord {
        scratch.used.removeAll()
        scratch.usedNodes.removeAll(keepingCapacity: true)
        scratch.usedNodes.append(contentsOf: repeatElement(false, count: tape.nodes.count))
        plan.match(tape, from: 0, into: &scratch.found)
        // Each field has one rule (the importer merges options by field name), so the
        // first value found for a field is its only one.
        var fields = FieldValues(minimumCapacity: fieldNames.count)
        for (field, range) in zip(fieldNames, fieldRanges) {
            if let value = firstValue(of: fieldLookups[range], in: tape, found: scratch.found, under: [], prefixIsASCII: true, scratch: &scratch) {
                fields[field] = value
            }
        }
        let enrollments = self.enrollments(in: tape, scratch: &scratch)
        var extras: [String: String] = [:]
        Self.collectLeaves(in: tape, scratch: &scratch, into: &extras)
        return SourceRecord(provenance: provenance, kind: .participant, fields: fields, extras: extras, enrollments: enrollments)
    }

    private func enrollments(in tape: RecordTape, scratch: inout Scratch) -> [Enrollment] {
        guard let path = enrollments else { return [] }
        let base = rendered[path.rendered]
        let node = scratch.found[path.end]
        guard node >= 0 else { return [] }
        var result: [Enrollment] = []
        switch tape.nodes[node].kind {
        case .array:
            var item = node + 1
            var position = 0
            var prefix = scratch.prefix
            prefix.removeAll(keepingCapacity: true)
            prefix.append(contentsOf: base)
            while item < tape.nodes[node].next {
                if tape.nodes[item].kind == .object {
                    prefix.removeSubrange(base.count...)
                    prefix.append(UInt8(ascii: "["))
                    Self.appendDecimal(position, to: &prefix)
                    prefix.append(UInt8(ascii: "]"))
                    if let enrollment = enrollment(at: item, in: tape, under: prefix, prefixIsASCII: path.isASCII, scratch: &scratch) {
                        result.append(enrollment)
                    }
                }
                item = tape.nodes[item].next
                position += 1
            }
            scratch.prefix = prefix
        case .object:
            if let enrollment = enrollment(at: node, in: tape, under: Array(base), prefixIsASCII: path.isASCII, scratch: &scratch) {
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
        for (part, range) in zip(enrollmentParts, partRanges) {
            guard
                let text = firstValue(
                    of: partLookups[range], in: tape, found: scratch.foundInElement, under: prefix, prefixIsASCII: prefixIsASCII, scratch: &scratch)
            else { continue }
            found = true
            switch part {
            case .programme: enrollment.programme = text
            case .title: enrollment.title = text
            case .date: enrollment.date = text
            case .session: enrollment.session = text
            case .status: enrollment.status = text
            }
        }
        return found ? enrollment : nil
    }

    /// The first path giving a non-empty value, trimmed: a scalar, or an array of scalars
    /// (``joinedScalars(of:in:scratch:)``). Marks it (and any empty candidates before it)
    /// used; later candidates stay unused so they reach `extras`, as does an array holding
    /// objects or arrays, which is no field's value.
    private func firstValue(
        of lookups: ArraySlice<Lookup>, in tape: RecordTape, found: [Int], under prefix: [UInt8], prefixIsASCII: Bool, scratch: inout Scratch
    ) -> String? {
        for lookup in lookups {
            let node = found[lookup.end]
            guard node >= 0 else { continue }
            let value: String
            if let text = tape.scalarText(of: tape.nodes[node]) {
                value = tape.mayNeedTrimming(tape.nodes[node]) ? Self.trimmed(text) : text
            } else if let joined = Self.joinedScalars(of: node, in: tape, scratch: &scratch) {
                value = joined
            } else {
                continue
            }
            scratch.used.append(rendered[lookup.rendered], startingWithKey: lookup.startsWithKey, under: prefix, isASCII: lookup.isASCII && prefixIsASCII)
            scratch.usedNodes[node] = true
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// An array of scalars as one value, its non-empty items trimmed and joined with ` / `
    /// (`"hp": ["0812…", "0813…"]` is two phones, which normalize reads from one field so
    /// separated); its items are marked used. nil for anything but an array, and for an array
    /// holding an object or an array.
    private static func joinedScalars(of node: Int, in tape: RecordTape, scratch: inout Scratch) -> String? {
        let array = tape.nodes[node]
        guard array.kind == .array else { return nil }
        var item = node + 1
        while item < array.next {
            if tape.nodes[item].kind == .object || tape.nodes[item].kind == .array { return nil }
            item = tape.nodes[item].next
        }
        var parts: [String] = []
        item = node + 1
        while item < array.next {
            let element = tape.nodes[item]
            if let text = tape.scalarText(of: element) {
                let part = tape.mayNeedTrimming(element) ? trimmed(text) : text
                if !part.isEmpty { parts.append(part) }
            }
            scratch.usedNodes[item] = true
            item = element.next
        }
        return parts.joined(separator: " / ")
    }

    /// Appends a non-negative number's decimal digits.
    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &output) }
        output.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// `trimmingWhitespace`, skipped when both ends are visible ASCII (nearly every value).
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return text }
        return text.trimmingWhitespace
    }

    /// Every scalar leaf of the record, keyed by its rendered path, in document order
    /// (so a repeated path keeps its last value); nulls carry nothing and are skipped. A
    /// leaf a used path resolved to has that path (its keys are the path's, String for
    /// String), so only the other leaves' paths are rendered and compared.
    static func collectLeaves(in tape: RecordTape, scratch: inout Scratch, into extras: inout [String: String]) {
        for index in tape.nodes.indices {
            let node = tape.nodes[index]
            switch node.kind {
            case .object, .array, .null: continue
            case .string, .number, .true, .false: break
            }
            guard !node.isKey, !scratch.usedNodes[index] else { continue }
            let isASCII = renderPath(to: index, in: tape, scratch: &scratch)
            guard !scratch.used.contains(scratch.path, isASCII: isASCII), let text = tape.scalarText(of: node) else { continue }
            extras[String(decoding: scratch.path, as: UTF8.self)] = tape.mayNeedTrimming(node) ? trimmed(text) : text
        }
    }

    /// Writes the path from the root to a node as an `extras` key (`kontak.hp`,
    /// `pelatihan[0].kode`) to `scratch.path`, joining keys as ``JSONPath/appending(key:to:)``
    /// does; false when a key is not ASCII.
    private static func renderPath(to leaf: Int, in tape: RecordTape, scratch: inout Scratch) -> Bool {
        // Collected leaf first: a key's node index, or `-1 - index` for an array item.
        scratch.trail.removeAll(keepingCapacity: true)
        var current = leaf
        while case let holder = tape.nodes[current].up, holder >= 0 {
            if tape.nodes[holder].kind == .array {
                var item = holder + 1
                var position = 0
                while item != current {
                    item = tape.nodes[item].next
                    position += 1
                }
                scratch.trail.append(-1 - position)
                current = holder
            } else {
                scratch.trail.append(holder)
                current = tape.nodes[holder].up
            }
        }
        scratch.path.removeAll(keepingCapacity: true)
        var isASCII = true
        for step in scratch.trail.reversed() {
            if step >= 0 {
                if !scratch.path.isEmpty { scratch.path.append(UInt8(ascii: ".")) }
                isASCII = tape.appendKey(tape.nodes[step], to: &scratch.path) && isASCII
            } else {
                scratch.path.append(UInt8(ascii: "["))
                appendDecimal(-1 - step, to: &scratch.path)
                scratch.path.append(UInt8(ascii: "]"))
            }
        }
        return isASCII
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

        /// Adds a path as ``JSONPath/rendered(under:)`` writes it below `prefix`.
        mutating func append(_ path: ArraySlice<UInt8>, startingWithKey: Bool, under prefix: [UInt8], isASCII: Bool) {
            bytes.append(contentsOf: prefix)
            if !prefix.isEmpty && startingWithKey { bytes.append(UInt8(ascii: ".")) }
            bytes.append(contentsOf: path)
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
