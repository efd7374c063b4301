import Testing

@testable import XMLNewsImporter

/// `xml:base` resolution follows RFC 3986 §5.2: its own examples (§5.4), and the cases where
/// libxml2 2.9.14's `xmlBuildURI` answers differently (its answer in each comment), which is
/// why the importer does not use it.
@Suite struct URIReferenceTests {
    static let base = "http://a/b/c/d;p?q"

    /// RFC 3986 §5.4.1 (normal) and §5.4.2 (abnormal), against `http://a/b/c/d;p?q`.
    @Test(arguments: [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
        ("../../g", "http://a/g"),
        ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"),
        ("g?y/../x", "http://a/b/c/g?y/../x"), ("g#s/./x", "http://a/b/c/g#s/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"),
        ("http:g", "http:g"),
    ])
    func rfc3986Examples(reference: String, expected: String) {
        #expect(URIReference.resolve(reference, against: Self.base) == expected)
    }

    @Test(arguments: [
        // xmlBuildURI: http://a/./g and http://a/a/b/../c (dot segments kept in a `/…` reference)
        ("/./g", base, "http://a/g"),
        ("/a/b/../c", base, "http://a/a/c"),
        // xmlBuildURI: http://h/p/./q (kept in a `//…` reference too)
        ("//h/p/./q", base, "http://h/p/q"),
        // xmlBuildURI: http://a/b/c/g/h and http://a/b/c/g (empty segments dropped)
        ("g//h", base, "http://a/b/c/g//h"),
        ("g", "http://a/b//c/", "http://a/b//c/g"),
        // xmlBuildURI: http://a/b/c/a/b (an encoded slash decoded into a path separator)
        ("a%2Fb", base, "http://a/b/c/a%2Fb"),
        // xmlBuildURI: http://a/b/c/g%3Ah and http://a/b/c/~g (re-encoded)
        ("./g:h", base, "http://a/b/c/g:h"),
        ("%7Eg", base, "http://a/b/c/%7Eg"),
        // xmlBuildURI: http://a (no path)
        ("..", "http://a", "http://a/"),
        // xmlBuildURI: nothing (not a URI: IRI characters and spaces, resolved as RFC 3987 does)
        ("berita/café", "http://a/b/", "http://a/b/berita/café"),
        ("Jalan Raya.html", "http://a/b/", "http://a/b/Jalan Raya.html"),
        // Bases without a scheme: the feed's own relative `xml:base` (libxml2 2.13 resolves these as file paths).
        ("entry/", "feed/", "feed/entry/"),
        ("../", "/entry/base/", "/entry/"),
    ])
    func casesWhereXMLBuildURIDiffers(reference: String, base: String, expected: String) {
        #expect(URIReference.resolve(reference, against: base) == expected)
    }
}
