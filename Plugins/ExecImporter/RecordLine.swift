import MusterCore

/// A `record` line's content, checked: scalar fields and extras, a known kind, well-formed
/// enrollments. The caller adds provenance (locator and hash) and the duplicate check.
struct RecordLine {
    var kind: RecordKind
    var fields: FieldValues
    var extras: [String: String]
    var enrollments: [Enrollment]
    var locator: String?

    static let keys = ["type", "fields", "extras", "kind", "locator", "enrollments"]
    static let enrollmentKeys = ["programme", "session", "title", "date", "status", "attendance"]
    static let attendanceKeys = ["day", "mark", "present"]

    init(_ value: JSONValue) throws(LineProblem) {
        let members = try Members(value, of: "record", allowed: Self.keys)
        guard let fields = members["fields"] else { throw LineProblem("record: missing \"fields\"") }
        self.fields = FieldValues(try Self.scalars(fields, name: "fields"))
        extras = try members["extras"].map { value throws(LineProblem) in try Self.scalars(value, name: "extras") } ?? [:]
        kind = .participant
        if let name = try members.string("kind") {
            guard let known = RecordKind(rawValue: name) else {
                let names = RecordKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
                throw LineProblem("record: kind: expected \(names)")
            }
            kind = known
        }
        locator = try members.locator()
        enrollments = []
        if let list = members["enrollments"] {
            guard case .array(let items) = list else { throw LineProblem("record: enrollments: expected an array, found \(list.kindName)") }
            for (index, item) in items.enumerated() {
                enrollments.append(try Self.enrollment(item, name: "record: enrollments[\(index)]"))
            }
        }
    }

    /// An object of scalars as strings; null members are left out (a missing value).
    private static func scalars(_ value: JSONValue, name: String) throws(LineProblem) -> [String: String] {
        guard case .object(let members) = value else { throw LineProblem("record: \(name): expected an object, found \(value.kindName)") }
        var result: [String: String] = [:]
        for member in members where member.value != .null {
            guard let text = member.value.scalarText else {
                let key = LogText.clip(member.key, to: 40)
                throw LineProblem("record: \(name).\(key): expected a string, number, boolean or null, found \(member.value.kindName)")
            }
            result[member.key] = text
        }
        return result
    }

    private static func enrollment(_ value: JSONValue, name: String) throws(LineProblem) -> Enrollment {
        let members = try Members(value, of: name, allowed: enrollmentKeys)
        var enrollment = Enrollment(
            programme: try members.scalar("programme"),
            session: try members.scalar("session"),
            title: try members.scalar("title"),
            date: try members.scalar("date"),
            status: try members.scalar("status")
        )
        if let list = members["attendance"] {
            guard case .array(let days) = list else { throw LineProblem("\(name).attendance: expected an array, found \(list.kindName)") }
            for (index, day) in days.enumerated() {
                let entry = try Members(day, of: "\(name).attendance[\(index)]", allowed: attendanceKeys)
                guard let label = try entry.scalar("day") else { throw LineProblem("\(entry.owner): missing \"day\"") }
                var present: Bool?
                if let flag = entry["present"] {
                    guard case .bool(let value) = flag else {
                        throw LineProblem("\(entry.owner): present: expected true, false or null, found \(flag.kindName)")
                    }
                    present = value
                }
                enrollment.attendance.append(Attendance(day: label, mark: try entry.scalar("mark") ?? "", present: present))
            }
        }
        return enrollment
    }
}
