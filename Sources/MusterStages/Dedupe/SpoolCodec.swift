internal import MusterCore

/// A compact binary form of ``Record`` for dedupe's spool: length-prefixed strings, no
/// escaping and no parsing, so a spooled record is read back several times faster than
/// from JSON. Only this process reads it; it is never a file format anyone keeps.
enum SpoolCodec {
    static func encode(_ record: Record, into out: inout [UInt8]) {
        var writer = Writer(bytes: out)
        writer.record(record)
        out = writer.bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws(MusterError) -> Record {
        var reader = Reader(bytes: bytes)
        return try reader.record()
    }

    struct Writer {
        var bytes: [UInt8]

        mutating func int(_ value: Int) {
            var value = UInt64(value)
            while value >= 0x80 {
                bytes.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        mutating func string(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                int(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func optional(_ text: String?) {
            guard let text else { return bytes.append(0) }
            bytes.append(1)
            string(text)
        }

        /// A record's fields or extras: the count, then each name and value.
        mutating func map(_ members: some Sequence<(key: String, value: String)>, count: Int) {
            int(count)
            for (key, value) in members {
                string(key)
                string(value)
            }
        }

        mutating func record(_ record: Record) {
            let source = record.source
            string(source.provenance.sourceID)
            string(source.provenance.file)
            string(source.provenance.locator)
            string(source.provenance.contentHash)
            bytes.append(source.kind == .participant ? 0 : 1)
            map(source.fields, count: source.fields.count)
            map(source.extras, count: source.extras.count)
            int(source.enrollments.count)
            for enrollment in source.enrollments {
                optional(enrollment.programme)
                optional(enrollment.session)
                optional(enrollment.title)
                optional(enrollment.date)
                optional(enrollment.status)
                int(enrollment.attendance.count)
                for day in enrollment.attendance {
                    string(day.day)
                    string(day.mark)
                    bytes.append(day.present.map { $0 ? 1 : 0 } ?? 2)
                }
            }
            optional(source.rejection?.message)
            optional(source.rejection?.position)
            optional(source.raw)
            bytes.append(record.normalized == nil ? 0 : 1)
            if let normalized = record.normalized {
                map(normalized.values, count: normalized.values.count)
                int(normalized.issues.count)
                for issue in normalized.issues {
                    string(issue.code)
                    string(issue.field)
                    optional(issue.raw)
                    string(issue.message)
                }
            }
            bytes.append(record.match == nil ? 0 : 1)
            if let match = record.match {
                string(match.cluster)
                int(match.evidence.count)
                for link in match.evidence {
                    string(link.rule)
                    string(link.other)
                    optional(link.weights)
                }
            }
            int(record.quarantine.count)
            for reason in record.quarantine {
                string(reason.rule)
                string(reason.stage)
                string(reason.message)
                optional(reason.field)
            }
            optional(record.registryID)
        }
    }

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        mutating func byte() throws(MusterError) -> UInt8 {
            guard offset < bytes.count else { throw MusterError(.io, "a dedupe spool record is cut short") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func int() throws(MusterError) -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = try byte()
                value |= UInt64(next & 0x7F) << shift
                if next < 0x80 { return Int(value) }
                shift += 7
            }
        }

        mutating func string() throws(MusterError) -> String {
            let count = try int()
            guard offset + count <= bytes.count else { throw MusterError(.io, "a dedupe spool record is cut short") }
            defer { offset += count }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
        }

        mutating func optional() throws(MusterError) -> String? {
            try byte() == 0 ? nil : try string()
        }

        mutating func fieldValues() throws(MusterError) -> FieldValues {
            let count = try int()
            var values = FieldValues(minimumCapacity: count)
            for _ in 0..<count { values[try string()] = try string() }
            return values
        }

        mutating func map() throws(MusterError) -> [String: String] {
            let count = try int()
            var map: [String: String] = [:]
            map.reserveCapacity(count)
            for _ in 0..<count { map[try string()] = try string() }
            return map
        }

        mutating func record() throws(MusterError) -> Record {
            let provenance = Provenance(sourceID: try string(), file: try string(), locator: try string(), contentHash: try string())
            let kind: RecordKind = try byte() == 0 ? .participant : .programme
            let fields = try fieldValues()
            let extras = try map()
            var enrollments: [Enrollment] = []
            for _ in 0..<(try int()) {
                var enrollment = Enrollment(
                    programme: try optional(), session: try optional(), title: try optional(), date: try optional(), status: try optional())
                for _ in 0..<(try int()) {
                    let day = try string()
                    let mark = try string()
                    let flag = try byte()
                    enrollment.attendance.append(Attendance(day: day, mark: mark, present: flag == 2 ? nil : flag == 1))
                }
                enrollments.append(enrollment)
            }
            let message = try optional()
            let position = try optional()
            let raw = try optional()
            var source = SourceRecord(provenance: provenance, kind: kind, fields: fields, extras: extras, enrollments: enrollments, raw: raw)
            if let message { source.rejection = Rejection(message: message, position: position) }
            var record = Record(source: source)
            if try byte() == 1 {
                var normalized = NormalizedRecord(values: try fieldValues())
                for _ in 0..<(try int()) {
                    normalized.issues.append(FieldIssue(code: try string(), field: try string(), raw: try optional(), message: try string()))
                }
                record.normalized = normalized
            }
            if try byte() == 1 {
                var match = Match(cluster: try string())
                for _ in 0..<(try int()) { match.evidence.append(MatchEvidence(rule: try string(), other: try string(), weights: try optional())) }
                record.match = match
            }
            for _ in 0..<(try int()) {
                record.quarantine.append(QuarantineReason(rule: try string(), stage: try string(), message: try string(), field: try optional()))
            }
            record.registryID = try optional()
            return record
        }
    }
}
