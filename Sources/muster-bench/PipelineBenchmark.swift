internal import Foundation

/// Placeholder wiring for the whole-pipeline benchmark (filled in with the generator).
let pipelineBenchmark = Benchmark(name: "pipeline", summary: "the whole pipeline on generated data (not yet)") { _ in
    [:]
}
