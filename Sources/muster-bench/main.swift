internal import Foundation

/// `muster-bench NAME [ARGS…]` runs one benchmark; `muster-bench` lists them. Build with
/// `-c release`: debug figures mean nothing. Each benchmark file adds itself to this list.
let benchmarks: [Benchmark] = [
    pipelineBenchmark,
    normalizeBenchmark,
    generateBenchmark,
    csvBenchmark,
    jsonBenchmark,
    xmlBenchmark,
    blockingBenchmark,
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks.first(where: { $0.name == name }) else {
    print("usage: muster-bench NAME [ARGS…]\n")
    for benchmark in benchmarks { print("  \(benchmark.name)  \(benchmark.summary)") }
    exit(arguments.isEmpty ? 0 : 64)
}
let figures = try benchmark.run(Array(arguments.dropFirst()))
let json = figures.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
print("json: {\"benchmark\": \"\(name)\", \(json)}")
