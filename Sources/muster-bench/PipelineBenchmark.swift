internal import Foundation
internal import MusterCore
#if canImport(Glibc)
internal import Glibc
#endif

/// `muster-bench pipeline DIR [MUSTER]`: runs the real `muster run` on DIR/pipeline.json (as
/// the nightly batch does), then reports the run's own per-stage figures from its manifest,
/// the end-to-end wall time, and the child's peak resident memory (getrusage).
let pipelineBenchmark = Benchmark(name: "pipeline", summary: "DIR [MUSTER]: muster run on DIR/pipeline.json; per-stage time, records/s, MB/s, peak RSS") { arguments in
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
    print("stage        records      seconds    records/s        MB/s   checkpoint wait s")
    var records = 0.0
    var bytes = 0.0
    for stage in manifest["stages"]?.arrayValue ?? [] {
        let name = stage["name"]?.stringValue ?? "?"
        let out = stage["recordsOut"]?.doubleValue ?? 0
        let seconds = stage["seconds"]?.doubleValue ?? 0
        let waited = stage["checkpointWaitSeconds"]?.doubleValue ?? 0
        // The registry writer leaves no checkpoint: its MB/s is over the bytes it was given.
        if let checkpoint = stage["checkpoint"]?.stringValue {
            bytes = Double((try? FileManager.default.attributesOfItem(atPath: "\(runs)/\(newest)/\(checkpoint)")[.size] as? Int) ?? 0)
        }
        let megabytesPerSecond = seconds > 0 ? bytes / 1_048_576 / seconds : 0
        records = max(records, out)
        print(String(format: "%-10@ %9.0f %12.2f %12.0f %11.1f %19.2f", name as NSString, out, seconds, seconds > 0 ? out / seconds : 0, megabytesPerSecond, waited))
        figures["\(name)_seconds"] = seconds
        figures["\(name)_checkpoint_wait_seconds"] = waited
        figures["\(name)_records_per_second"] = seconds > 0 ? out / seconds : 0
        figures["\(name)_mb_per_second"] = megabytesPerSecond
    }
    figures["records"] = records
    print(String(format: "end to end: %.0f records in %.2f s (%.0f records/s), peak RSS %.0f MiB", records, wall, records / wall, peakMiB))
    return figures
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
