/// A URI reference split into its RFC 3986 parts, and resolution of a relative reference
/// against a base (RFC 3986 §5.2), for `xml:base`.
///
/// Not libxml2's `xmlBuildURI`, which follows RFC 2396: in 2.9.14 it keeps dot segments in
/// `/…` and `//…` references, drops empty segments (`a//b`), decodes `%2F` into a path
/// separator, and refuses references with spaces or non-ASCII characters (IRIs), which are
/// resolved here as RFC 3987 does; libxml2 2.13 changed its rules again for bases without
/// `://`. `URIReferenceTests` holds these cases. Foundation's URL would pull Foundation
/// into the importer.
struct URIReference {
    var scheme: Substring?
    var authority: Substring?
    var path: Substring
    var query: Substring?
    var fragment: Substring?

    init(_ text: String) {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        if let colon = rest.firstIndex(of: ":"), let first = rest.first, first.isLetter,
            rest[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        {
            scheme = rest[..<colon]
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = rest[afterSlashes..<end]
            rest = rest[end...]
        }
        path = rest
    }

    /// `reference` resolved against `base`.
    static func resolve(_ reference: String, against base: String) -> String {
        let relative = URIReference(reference)
        if relative.scheme != nil { return reference }
        let base = URIReference(base)
        var target = relative
        target.scheme = base.scheme
        if relative.authority == nil {
            target.authority = base.authority
            if relative.path.isEmpty {
                target.path = base.path
                target.query = relative.query ?? base.query
            } else if relative.path.hasPrefix("/") {
                target.path = Substring(removingDotSegments(relative.path))
            } else {
                target.path = Substring(removingDotSegments(Substring(merge(base, relative.path))))
            }
        } else {
            target.path = Substring(removingDotSegments(relative.path))
        }
        return target.text
    }

    var text: String {
        var result = ""
        if let scheme { result += scheme + ":" }
        if let authority { result += "//" + authority }
        result += path
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }

    private static func merge(_ base: URIReference, _ path: Substring) -> String {
        if base.authority != nil, base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return String(path) }
        return String(base.path[...slash]) + path
    }

    /// RFC 3986 §5.2.4.
    static func removingDotSegments(_ path: Substring) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if output.count > 1 || (output.count == 1 && !output[0].isEmpty) { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        var result = output.joined(separator: "/")
        if path.hasPrefix("/"), !result.hasPrefix("/") { result = "/" + result }
        return result
    }
}
