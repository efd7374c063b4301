import Foundation
import MusterCore
import MusterGenerator
import MusterTesting
import Testing

/// The generated folder end to end: `muster run` on its pipeline.json, then `muster score`
/// against its truth, both through the built binary as an operator runs them.
@Suite struct GeneratedPipelineTests {
    static let executable: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("muster").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return RepositoryPaths.root + "/.build/debug/muster"
    }()

    func muster(_ arguments: [String], in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func theGeneratedFolderRunsAndScores() throws {
        let directory = try TemporaryDirectory("muster-generated-e2e")
        defer { directory.remove() }
        let generate = try muster(
            ["generate", "--people", "300", "--seed", "5", "--invalid-share", "0.1", "--out", directory.path + "/data"], in: directory.path)
        #expect(generate.status == 0, "\(generate.stderr)")
        #expect(generate.stdout.contains("300 people"))
        let truth = try Truth.load(directory.path + "/data/truth.csv")

        let run = try muster(["run", "--pipeline", "data/pipeline.json"], in: directory.path)
        #expect(run.status == 0, "\(run.stderr)")
        let quarantinedCount = truth.entries.count { $0.invalidReason != nil }
        #expect(
            run.stdout.contains(
                "books: \(truth.entries.count) in = \(truth.entries.count - quarantinedCount) accepted + \(quarantinedCount) quarantined (balanced)"),
            "\(run.stdout)")

        let score = try muster(["score", "--truth", "data/truth.csv", "--json"], in: directory.path)
        #expect(score.status == 0, "\(score.stderr)")
        guard case .object(let members) = try JSONParser.parse(Array(score.stdout.utf8)) else {
            Issue.record("score --json printed no object: \(score.stdout)")
            return
        }
        var figures: [String: Double] = [:]
        var reasons: [(key: String, value: JSONValue)] = []
        for member in members {
            if case .number(let text) = member.value { figures[member.key] = Double(text) }
            if case .object(let nested) = member.value, member.key == "reasons" { reasons = nested }
        }
        #expect(figures["missingRecords"] == 0 && figures["unknownRecords"] == 0)
        for key in ["pairPrecision", "pairRecall", "pairF1", "exactClusterRate", "validationPrecision", "validationRecall", "validationF1"] {
            let value = try #require(figures[key], "\(key)")
            #expect((0...1).contains(value), "\(key) = \(value)")
        }
        #expect((figures["validationRecall"] ?? 0) >= 0.99)
        #expect((figures["validationPrecision"] ?? 0) >= 0.99)
        #expect(Set(reasons.map(\.key)) == Set(Defect.allCases.map(\.rawValue)))
        for reason in reasons {
            guard case .object(let counts) = reason.value,
                case .number(let records)? = counts.first(where: { $0.key == "records" })?.value,
                case .number(let matched)? = counts.first(where: { $0.key == "matched" })?.value
            else { continue }
            #expect(matched == records, "every \(reason.key) record is quarantined under that rule")
        }
    }
}
