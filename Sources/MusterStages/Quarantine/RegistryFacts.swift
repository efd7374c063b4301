internal import Foundation
internal import GRDB
internal import MusterCore

/// What only the registry knows about a run, for its report: which participant ids it
/// created. Read-only.
public struct RegistryFacts {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Ids of participants first seen in `runID`, sorted; nil when there is no registry yet.
    public func newParticipants(runID: String) throws -> [String]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let database = try DatabaseQueue(path: path, configuration: configuration)
            return try database.read { db in
                try String.fetchAll(db, sql: "SELECT id FROM participants WHERE first_run = ? ORDER BY id", arguments: [runID])
            }
        } catch {
            throw MusterError(.registry, "cannot read the registry's participants", location: path, underlying: error)
        }
    }
}
