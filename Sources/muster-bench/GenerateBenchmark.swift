internal import Foundation
internal import MusterGenerator

/// `muster-bench generate [PEOPLE] [SEED]`: time `muster generate` into a temporary folder.
/// The default, 400 000 people at 2.5 records each, makes about one million records.
let generateBenchmark = Benchmark(name: "generate", summary: "the synthetic data generator: PEOPLE (default 400000 ≈ 1M records) [SEED]") { arguments in
    let people = arguments.first.flatMap { Int($0) } ?? 400_000
    let seed = arguments.dropFirst().first.flatMap { UInt64($0) } ?? 1
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("muster-bench-generate-\(ProcessInfo.processInfo.processIdentifier)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let summary = try Generator(Generator.Configuration(people: people, seed: seed)).generate(into: folder)
    let megabytes = Double(summary.bytes + summary.truthBytes) / 1_048_576
    let figures: [String: Double] = [
        "people": Double(people),
        "records": Double(summary.records),
        "files": Double(summary.files.count),
        "seconds": summary.seconds,
        "records_per_second": Double(summary.records) / summary.seconds,
        "megabytes": megabytes,
        "megabytes_per_second": megabytes / summary.seconds,
        "peak_rss_mib": peakMemoryMiB(),
    ]
    print(summary.text)
    print(
        "generate  \(people) people  \(summary.records) records  \(summary.files.count) files  "
            + "\(Int(megabytes)) MB (truth included)  \(round3(summary.seconds)) s  "
            + "\(Int(figures["records_per_second"] ?? 0)) records/s  \(round3(figures["megabytes_per_second"] ?? 0)) MB/s  "
            + "peak RSS \(Int(peakMemoryMiB())) MiB")
    return figures
}

private func round3(_ value: Double) -> Double {
    (value * 1000).rounded() / 1000
}
