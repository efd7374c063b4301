internal import ArgumentParser
internal import MusterCore
internal import MusterPipeline

/// The exit codes a scheduler can branch on. Documented in the README; do not renumber.
enum ExitStatus: Int32 {
    /// The run finished and its books balance.
    case ok = 0
    /// The run failed: a stage error, an unreadable file, a missing checkpoint.
    case failed = 1
    /// pipeline.json is invalid; nothing ran.
    case configInvalid = 2
    /// Another run holds the work directory or the registry; nothing ran.
    case locked = 3
    /// The run finished but quarantined more than pipeline.json allows: a human should look.
    case quarantineOverThreshold = 4
    /// Records in ≠ accepted + quarantined: records were lost or duplicated; the run failed.
    case unbalanced = 5

    var exitCode: ExitCode { ExitCode(rawValue) }

    init(_ status: RunManifest.Status) {
        switch status {
        case .ok: self = .ok
        case .overThreshold: self = .quarantineOverThreshold
        case .unbalanced: self = .unbalanced
        case .failed, .running: self = .failed
        }
    }

    /// Maps an error that stopped a command before or outside a run.
    init(_ error: any Error) {
        switch error {
        case is ConfigError, is ConfigErrors: self = .configInvalid
        case let error as MusterError where error.code == .locked: self = .locked
        case let error as MusterError where error.code == .unbalanced: self = .unbalanced
        default: self = .failed
        }
    }
}
