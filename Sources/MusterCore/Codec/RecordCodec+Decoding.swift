/// Why a checkpoint line is not a record.
package struct RecordDecodingError: Error, Sendable, CustomStringConvertible {
    package var path: String
    package var problem: String
    package var description: String { "\(path): \(problem)" }
}

extension RecordCodec {
    /// Reads one record from one line of JSON.
    package static func decode(_ line: some Collection<UInt8>) throws -> Record {
        try record(node(line))
    }

    /// One line of JSON as the root node of a record.
    static func node(_ line: some Collection<UInt8>) throws -> Node {
        do {
            return Node(value: try JSONParser.parse(line), path: "$")
        } catch {
            throw RecordDecodingError(path: "$", problem: error.description)
        }
    }

    static func record(_ node: Node) throws -> Record {
        Record(
            source: try source(node.required("source")),
            normalized: try node.optional("normalized").map(normalized),
            match: try node.optional("match").map(match),
            quarantine: try quarantine(node.required("quarantine")),
            registryID: try node.optionalString("registryID")
        )
    }

    static func normalized(_ node: Node) throws -> NormalizedRecord {
        NormalizedRecord(
            values: try node.required("values").fieldValues(),
            issues: try node.required("issues").items().map { issue in
                FieldIssue(
                    code: try issue.string("code"), field: try issue.string("field"), raw: try issue.optionalString("raw"), message: try issue.string("message")
                )
            }
        )
    }

    static func match(_ node: Node) throws -> Match {
        Match(
            cluster: try node.string("cluster"),
            evidence: try node.required("evidence").items().map {
                MatchEvidence(rule: try $0.string("rule"), other: try $0.string("other"), weights: try $0.optionalString("weights"))
            }
        )
    }

    static func quarantine(_ node: Node) throws -> [QuarantineReason] {
        try node.items().map { reason in
            QuarantineReason(
                rule: try reason.string("rule"), stage: try reason.string("stage"), message: try reason.string("message"),
                field: try reason.optionalString("field"))
        }
    }

    static func source(_ node: Node) throws -> SourceRecord {
        let provenance = try node.required("provenance")
        let kindText = try node.string("kind")
        guard let kind = RecordKind(rawValue: kindText) else { throw node.error("kind \"\(kindText)\" is not participant or programme") }
        return SourceRecord(
            provenance: Provenance(
                sourceID: try provenance.string("sourceID"), file: try provenance.string("file"),
                locator: try provenance.string("locator"), contentHash: try provenance.string("contentHash")
            ),
            kind: kind,
            fields: try node.required("fields").fieldValues(),
            extras: try node.required("extras").stringMap(),
            enrollments: try node.required("enrollments").items().map { enrollment in
                Enrollment(
                    programme: try enrollment.optionalString("programme"), session: try enrollment.optionalString("session"),
                    title: try enrollment.optionalString("title"), date: try enrollment.optionalString("date"),
                    status: try enrollment.optionalString("status"),
                    attendance: try enrollment.required("attendance").items().map { day in
                        Attendance(day: try day.string("day"), mark: try day.string("mark"), present: try day.optional("present").map { try $0.bool() })
                    }
                )
            },
            rejection: try node.optional("rejection").map { Rejection(message: try $0.string("message"), position: try $0.optionalString("position")) },
            raw: try node.optionalString("raw")
        )
    }

    /// A JSON value with its path, for messages that say where a checkpoint line is wrong.
    struct Node {
        let value: JSONValue
        let path: String

        func error(_ problem: String) -> RecordDecodingError { RecordDecodingError(path: path, problem: problem) }

        func optional(_ key: String) throws -> Node? {
            guard case .object = value else { throw error("expected an object") }
            guard let member = value[key], member != .null else { return nil }
            return Node(value: member, path: path + "." + key)
        }

        func required(_ key: String) throws -> Node {
            guard let node = try optional(key) else { throw error("missing \"\(key)\"") }
            return node
        }

        func string(_ key: String) throws -> String {
            try required(key).text()
        }

        func optionalString(_ key: String) throws -> String? {
            try optional(key)?.text()
        }

        func text() throws -> String {
            guard case .string(let text) = value else { throw error("expected a string") }
            return text
        }

        func bool() throws -> Bool {
            guard case .bool(let flag) = value else { throw error("expected true or false") }
            return flag
        }

        func items() throws -> [Node] {
            guard case .array(let items) = value else { throw error("expected an array") }
            return items.enumerated().map { Node(value: $1, path: "\(path)[\($0)]") }
        }

        func stringMap() throws -> [String: String] {
            guard case .object(let members) = value else { throw error("expected an object") }
            var map: [String: String] = [:]
            map.reserveCapacity(members.count)
            for member in members {
                guard case .string(let text) = member.value else { throw Node(value: member.value, path: path + "." + member.key).error("expected a string") }
                map[member.key] = text
            }
            return map
        }

        func fieldValues() throws -> FieldValues {
            guard case .object(let members) = value else { throw error("expected an object") }
            var map = FieldValues(minimumCapacity: members.count)
            for member in members {
                guard case .string(let text) = member.value else { throw Node(value: member.value, path: path + "." + member.key).error("expected a string") }
                map[member.key] = text
            }
            return map
        }
    }
}
