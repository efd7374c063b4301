internal import Foundation

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Expands a source's file patterns (`samples/sheets/*.csv`, `inbox/**/*.json`) relative to
/// the pipeline's folder, sorted, each file once.
enum FileGlob {
    static func expand(_ patterns: [String], base: String) -> [SourceFileMatch] {
        var seen: Set<String> = []
        var matches: [SourceFileMatch] = []
        for pattern in patterns {
            for relative in expand(pattern, base: base) where seen.insert(relative).inserted {
                let absolute = relative.hasPrefix("/") ? relative : (base as NSString).appendingPathComponent(relative)
                matches.append(SourceFileMatch(relative: relative, absolute: absolute))
            }
        }
        return matches
    }

    private static func expand(_ pattern: String, base: String) -> [String] {
        let components = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var current = [pattern.hasPrefix("/") ? "/" : ""]
        for (index, component) in components.enumerated() where !(index == 0 && component.isEmpty) {
            let isLast = index == components.count - 1
            var next: [String] = []
            for prefix in current {
                let directory = prefix.isEmpty ? base : (prefix.hasPrefix("/") ? prefix : (base as NSString).appendingPathComponent(prefix))
                if component == "**" {
                    next.append(prefix)
                    next += descendants(of: directory).map { join(prefix, $0) }
                } else if !component.contains(where: { "*?[".contains($0) }) {
                    next.append(join(prefix, component))
                } else {
                    let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
                    next += entries.filter { fnmatch(component, $0, 0) == 0 && !$0.hasPrefix(".") }.map { join(prefix, $0) }
                }
            }
            current = next.filter { path in
                let absolute = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory)
                return exists && (isLast ? !isDirectory.boolValue : isDirectory.boolValue)
            }
        }
        return current.sorted()
    }

    private static func descendants(of directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(path), isDirectory: &isDirectory), isDirectory.boolValue {
                result.append(path)
            }
        }
        return result
    }

    private static func join(_ prefix: String, _ component: String) -> String {
        prefix.isEmpty ? component : (prefix == "/" ? "/" + component : prefix + "/" + component)
    }
}

struct SourceFileMatch: Hashable {
    var relative: String
    var absolute: String
}
