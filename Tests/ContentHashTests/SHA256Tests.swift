import ContentHash
import Testing

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesTheStandardVectors(input: String, digest: String) {
        #expect(SHA256.hex(of: input) == digest)
    }

    @Test func sha256OfAMillionAs() {
        var hasher = SHA256()
        for _ in 0..<1000 { hasher.update([UInt8](repeating: 0x61, count: 1000)) }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func aCopiedHasherGoesOnByItself() {
        var first = SHA256()
        first.update(Array("ab".utf8))
        var second = first
        first.update(Array("c".utf8))
        second.update(Array("d".utf8))
        #expect(first.finalizeHex() == SHA256.hex(of: "abc"))
        #expect(second.finalizeHex() == SHA256.hex(of: "abd"))
        #expect(SHA256.hex(of: "abd") == "a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9")
    }

    @Test func theSameBytesGiveTheSameDigestHoweverTheyAreHeld() {
        let line = "Siti Aminah;0812-3456-7890;Ps. Minggu"
        let digest = SHA256.hex(of: line)
        #expect(digest == SHA256.hex(of: Array(line.utf8)))
        #expect(digest == SHA256.hex(of: Array(line.utf8)[...]))
        #expect(digest == SHA256.hex(of: line.utf8.lazy.map { $0 }), "a collection without contiguous storage")
        var pieces = SHA256()
        pieces.update(line.utf8.prefix(11))
        pieces.update(line.utf8.lazy.dropFirst(11).map { $0 })
        #expect(pieces.finalizeHex() == digest)
    }
}
