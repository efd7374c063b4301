import Foundation
import MusterTesting

/// `samples/expected/registry.json`: what the registry must hold after one run on the samples.
struct ExpectedRegistry: Decodable {
    struct Counts: Decodable {
        var records: Int
        var programmeRecords: Int
        var participantRecords: Int
        var accepted: Int
        var quarantined: Int
        var participants: Int
    }

    struct Merge: Decodable {
        var members: [String]
        var nik: String?
        var phone: String?
        var email: String?
    }

    struct Quarantined: Decodable {
        var record: String
        var rule: String
    }

    var counts: Counts
    var participants: [Merge]
    var quarantined: [Quarantined]
    var programmes: [String]

    static func load() throws -> ExpectedRegistry {
        let data = try Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.samples + "/expected/registry.json"))
        return try JSONDecoder().decode(ExpectedRegistry.self, from: data)
    }
}
