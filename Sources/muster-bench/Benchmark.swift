internal import Foundation

/// One benchmark of `muster-bench`: a name to select it by and a body that prints its
/// figures (a table for people) and returns them (for the JSON file).
struct Benchmark: Sendable {
    var name: String
    var summary: String
    var run: @Sendable (_ arguments: [String]) throws -> [String: Double]
}

/// Wall-clock seconds of `body`.
func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Peak resident memory of this process so far, in MiB (VmHWM from /proc/self/status).
func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.split(separator: " ").compactMap { Double($0) }
        return (digits.first ?? 0) / 1024
    }
    return 0
}
