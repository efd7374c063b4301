internal import Foundation
internal import MusterCore

#if canImport(Glibc)
internal import Glibc
#endif

/// Turns a failed file write into an error an operator can act on: what could not be
/// written, where, and why in a few words ("the disk is full"), never Foundation's dump.
/// The original error stays as the cause, for `--verbose`.
enum StorageError {
    static func write(_ error: any Error, path: String, what: String) -> MusterError {
        MusterError(.io, "\(what) cannot be written: \(reason(error))", location: path, underlying: error)
    }

    /// A short reason: the POSIX error when one is known, else the error's own description.
    static func reason(_ error: any Error) -> String {
        if let code = posixCode(error) {
            return code == ENOSPC ? "the disk is full (no space left on the device)" : String(cString: strerror(code))
        }
        return (error as? MusterError)?.message ?? "\(error)"
    }

    /// Whether `error` says the disk (or the quota) is full.
    static func isDiskFull(_ error: any Error) -> Bool {
        posixCode(error).map { $0 == ENOSPC || $0 == EDQUOT } ?? false
    }

    private static func posixCode(_ error: any Error) -> Int32? {
        if let error = error as? MusterError { return error.underlying.flatMap(posixCode) }
        if let error = error as? POSIXError { return error.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if ns.domain == NSCocoaErrorDomain && ns.code == NSFileWriteOutOfSpaceError { return ENOSPC }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error { return posixCode(underlying) }
        return nil
    }
}
