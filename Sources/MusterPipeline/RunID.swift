internal import Foundation

/// Run ids sort by time to the millisecond (`20261129T005050123Z-4f2a`), so the latest run is the greatest name; runs are serialized by the run lock, so two never share a millisecond.
enum RunID {
    static func make(now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmssSSS'Z'"
        let suffix = String(UInt16.random(in: 0...UInt16.max), radix: 16)
        return formatter.string(from: now) + "-" + String(repeating: "0", count: 4 - suffix.count) + suffix
    }
}
