internal import Foundation
internal import MusterCore

#if canImport(Glibc)
internal import Glibc
#endif

/// `muster-bench pipeline DIR [MUSTER]`: runs the real `muster run` on DIR/pipeline.json (as
/// the nightly batch does), then reports the run's own per-stage figures from its manifest,
/// the end-to-end wall time, the child's peak resident memory (getrusage), and the bytes of
/// checkpoints the run kept beside the bytes of its input (issue: at most 2 times).
let pipelineBenchmark = Benchmark(
    name: "pipeline", summary: "DIR [MUSTER]: muster run on DIR/pipeline.json; per-stage time, records/s, input MB/s, peak RSS, checkpoint bytes"
) { arguments in
    guard let directory = arguments.first else { throw BenchmarkError("usage: muster-bench pipeline DIR [MUSTER]") }
    let muster = arguments.count > 1 ? arguments[1] : siblingExecutable("muster")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: muster)
    process.arguments = ["run", "--pipeline", directory + "/pipeline.json"]
    process.standardOutput = FileHandle.nullDevice
    let wall = try measure {
        try process.run()
        process.waitUntilExit()
    }
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    let peakMiB = Double(usage.ru_maxrss) / 1024
    guard process.terminationStatus == 0 || process.terminationStatus == 4 else {
        throw BenchmarkError("muster run exited with \(process.terminationStatus)")
    }
    let runs = directory + "/.muster/runs"
    guard let newest = try FileManager.default.contentsOfDirectory(atPath: runs).sorted().last,
        let data = FileManager.default.contents(atPath: "\(runs)/\(newest)/manifest.json")
    else { throw BenchmarkError("no manifest in \(runs)") }
    let manifest = try JSONParser.parse(data)
    var figures: [String: Double] = ["wall_seconds": wall, "peak_rss_mib": peakMiB]
    let inputBytes = Double(try sourceBytes(in: directory))
    var checkpointBytes = 0.0
    print("stage        records      seconds    records/s  input MB/s   checkpoint wait s   checkpoint MB")
    var records = 0.0
    for stage in manifest["stages"]?.arrayValue ?? [] {
        let name = stage["name"]?.stringValue ?? "?"
        let out = stage["recordsOut"]?.doubleValue ?? 0
        let seconds = stage["seconds"]?.doubleValue ?? 0
        let waited = stage["checkpointWaitSeconds"]?.doubleValue ?? 0
        let stored = stage["checkpointBytes"]?.doubleValue ?? 0
        checkpointBytes += stored
        let megabytesPerSecond = seconds > 0 ? inputBytes / 1_048_576 / seconds : 0
        records = max(records, out)
        print(
            String(
                format: "%-10@ %9.0f %12.2f %12.0f %11.1f %19.2f %15.1f", name as NSString, out, seconds, seconds > 0 ? out / seconds : 0,
                megabytesPerSecond, waited, stored / 1_048_576
            )
        )
        figures["\(name)_seconds"] = seconds
        figures["\(name)_checkpoint_wait_seconds"] = waited
        figures["\(name)_records_per_second"] = seconds > 0 ? out / seconds : 0
        figures["\(name)_mb_per_second"] = megabytesPerSecond
    }
    // The matcher's own report: candidate pairs per rule, the model and its prior, what was
    // merged with the precision it expects, and the time of each matching step.
    for entry in manifest["diagnostics"]?.arrayValue ?? [] where entry["stage"]?.stringValue == "dedupe" {
        guard let message = entry["message"]?.stringValue, entry["severity"]?.stringValue == "info", !message.hasPrefix("  ") else { continue }
        print("dedupe: " + message)
        if message.hasPrefix("times: ") {
            let steps = message.dropFirst(7).split(separator: ", ").compactMap { step in step.split(separator: " ").dropLast().last.flatMap { Double($0) } }
            figures["dedupe_matching_seconds"] = steps.reduce(0, +)
        }
    }
    figures["records"] = records
    figures["input_bytes"] = inputBytes
    figures["checkpoint_bytes"] = checkpointBytes
    print(String(format: "end to end: %.0f records in %.2f s (%.0f records/s), peak RSS %.0f MiB", records, wall, records / wall, peakMiB))
    print(
        String(
            format: "checkpoints: %.1f MB kept for %.1f MB of input: %.2f times its size (limit 2)", checkpointBytes / 1_000_000, inputBytes / 1_000_000,
            inputBytes > 0 ? checkpointBytes / inputBytes : 0
        )
    )
    return figures
}

/// The bytes of a generated folder's sources: everything but its pipeline, its ground truth
/// and the work directory.
func sourceBytes(in directory: String) throws -> Int {
    var total = 0
    for folder in try FileManager.default.contentsOfDirectory(atPath: directory)
    where !["pipeline.json", "truth.csv", "people.csv", ".muster"].contains(folder) {
        let path = directory + "/" + folder
        let files = FileManager.default.subpaths(atPath: path) ?? []
        for file in files.isEmpty ? [""] : files {
            let full = file.isEmpty ? path : path + "/" + file
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            total += (try FileManager.default.attributesOfItem(atPath: full)[.size] as? Int) ?? 0
        }
    }
    return total
}

extension JSONValue {
    var arrayValue: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }

    var stringValue: String? { scalarText }
    var doubleValue: Double? { scalarText.flatMap(Double.init) }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The path of another executable built beside this one.
func siblingExecutable(_ name: String) -> String {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path
}
