internal import Foundation
public import MusterCore

/// The generated people's relations (`people.csv`: `person_id,household,twin_of,sessions,name`),
/// so the scorer can say why it found two people in one cluster: twins, one household, or one
/// name; and the session codes each person enrolled in.
public struct PeopleFile: Sendable {
    public var household: [String: String] = [:]
    public var twin: [String: String] = [:]
    public var name: [String: String] = [:]
    public var sessions: [String: [String]] = [:]

    public init() {}

    /// Reads the file; nil when it does not exist (a truth made by hand, or an older folder).
    public static func load(_ path: String) throws(MusterError) -> PeopleFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var people = PeopleFile()
        for (number, line) in try DataLines.read(path, describing: "people file") {
            let parts = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 5 else {
                throw MusterError(.unreadableInput, "expected person_id,household,twin_of,sessions,name", location: "\(path):\(number)")
            }
            people.household[parts[0]] = parts[1]
            if !parts[2].isEmpty { people.twin[parts[0]] = parts[2] }
            people.sessions[parts[0]] = parts[3].split(separator: " ").map(String.init)
            people.name[parts[0]] = parts[4]
        }
        return people
    }

    /// Why people `a` and `b` look alike: `twin`, `household`, `namesake`, else `other`.
    func relation(_ a: String, _ b: String) -> String {
        if twin[a] == b || twin[b] == a { return "twin" }
        if let household = household[a], household == self.household[b] { return "household" }
        if let name = name[a], name == self.name[b] { return "namesake" }
        return "other"
    }
}
