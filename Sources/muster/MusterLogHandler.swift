internal import ArgumentParser
internal import Foundation
internal import Logging

/// How log lines look on standard error.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    /// `2026-11-29T02:00:43Z info muster: run … started key=value`: one line per event, cron-log friendly.
    case text
    /// One JSON object per line: `{"label":"muster","level":"info","message":"…","time":"…"}`.
    case json
}

/// Writes each log event as one line on standard error, as plain structured text or as a
/// JSON object. Messages never carry personal data (the stages' rule), so nothing is masked here.
struct MusterLogHandler: LogHandler {
    let label: String
    let format: LogFormat
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line = Self.line(time: Date(), level: event.level, label: label, message: event.message.description, metadata: merged, format: format)
        ProgressLine.shared.clear()
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func line(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, format: LogFormat) -> String {
        let timestamp = ISO8601DateFormatter().string(from: time)
        switch format {
        case .text:
            let pairs = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\(quoted("\($0.value)"))" }
            return ([timestamp, level.rawValue, "\(label):", message] + pairs).joined(separator: " ")
        case .json:
            var object: [String: String] = ["time": timestamp, "level": level.rawValue, "label": label, "message": message]
            for (key, value) in metadata where object[key] == nil { object[key] = "\(value)" }
            let body = object.sorted { $0.key < $1.key }.map { "\(jsonString($0.key)):\(jsonString($0.value))" }
            return "{" + body.joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ value: String) -> String {
        value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) ? jsonString(value) : value
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Logging goes to standard error so standard output stays the command's result.
enum LogSetup {
    static func bootstrap(verbose: Bool, format: LogFormat = .text) {
        LoggingSystem.bootstrap { label in
            var handler = MusterLogHandler(label: label, format: format)
            handler.logLevel = verbose ? .debug : .notice
            return handler
        }
    }
}
