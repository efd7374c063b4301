internal import Foundation
import MusterCore

/// Exactly what to start for one matched file: the program's absolute path, argv, the
/// environment and the folder, resolved from the options the way operators read them.
struct Invocation: Equatable {
    /// The program as pipeline.json names it, for messages (never its arguments, which may hold secrets).
    var program: String
    var executable: String
    /// argv, the program as written first.
    var arguments: [String]
    /// `NAME=value` entries.
    var environment: [String]
    var directory: String

    /// The placeholder an argument may hold for the matched file's absolute path.
    static let filePlaceholder = "{file}"

    /// Resolves the command for `file`. Relative paths (the program when it holds a `/`, the
    /// working directory) are relative to pipeline.json's folder; a bare program name is
    /// looked up in the command's PATH.
    init(options: ExecImporter.Options, file: SourceFile, sourceID: String, inherited: [String: String]) throws(MusterError) {
        let base = Self.pipelineFolder(of: file)
        let program = options.command.first ?? ""
        self.program = program
        directory = Self.absolute(options.workingDirectory ?? ".", base: base)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw MusterError(.unreadableInput, "working directory \"\(options.workingDirectory ?? ".")\" is not a folder", location: file.path)
        }

        var variables = inherited
        variables["MUSTER_PROTOCOL"] = ProtocolLine.version
        variables["MUSTER_SOURCE_ID"] = sourceID
        variables["MUSTER_FILE"] = file.absolutePath
        variables.merge(options.environment) { _, configured in configured }
        environment = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }

        var arguments = options.command.map { $0.replacingOccurrences(of: Self.filePlaceholder, with: file.absolutePath) }
        if !options.command.dropFirst().contains(where: { $0.contains(Self.filePlaceholder) }) {
            arguments.append(file.absolutePath)
        }
        self.arguments = arguments

        if program.contains("/") {
            executable = Self.absolute(program, base: base)
        } else {
            let path = variables["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
            let candidates = path.split(separator: ":").map { "\($0.isEmpty ? "." : $0)/\(program)" }
            guard let found = candidates.first(where: { Invocation.isExecutable($0) }) else {
                throw MusterError(.unreadableInput, "cannot start command \"\(program)\": not found in PATH", location: file.path)
            }
            executable = Self.absolute(found, base: directory)
        }
    }

    /// pipeline.json's folder, recovered from a matched file: its absolute path minus the
    /// path relative to that folder. A file outside it (an absolute pattern) gives no
    /// answer, and the current directory stands in.
    static func pipelineFolder(of file: SourceFile) -> String {
        if !file.path.hasPrefix("/"), file.absolutePath.hasSuffix("/" + file.path) {
            let folder = String(file.absolutePath.dropLast(file.path.count + 1))
            return folder.isEmpty ? "/" : folder
        }
        return FileManager.default.currentDirectoryPath
    }

    static func absolute(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    private static func isExecutable(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
