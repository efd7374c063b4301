import Foundation
import MusterCore
import MusterTesting
import Testing

@Suite struct SupportTests {
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

    @Test func oneShotHashTellsKeysApartAndIgnoresHowTheStringIsStored() {
        let key = "berita:feeds/kabar.xml#item:x/row:12"
        #expect(FastHash.of(key) == FastHash.of(String(key.reversed().reversed())))
        #expect(FastHash.of(key) == FastHash.of(String(decoding: Array(key.utf8), as: UTF8.self)))
        // Every prefix of a key (lengths 0…40, across the 8-byte words and the tail) differs,
        // as do keys one character apart and text padded with NUL bytes.
        let long = "pendaftaran:sheets/daftar-hadir-A1.csv#row:1234"
        let prefixes = (0...40).map { FastHash.of(String(long.prefix($0))) }
        #expect(Set(prefixes).count == prefixes.count)
        #expect(FastHash.of("row:12") != FastHash.of("row:21"))
        #expect(FastHash.of("a") != FastHash.of("a\u{0}"))
        let rows = (1...10_000).map { FastHash.of("s:f.csv#row:\($0)") }
        #expect(Set(rows).count == rows.count)
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

    @Test func personalDataIsMaskedButKeepsItsShape() {
        #expect(PersonalData.mask("Siti Aminah", field: Field.name) == "S*** A*****")
        #expect(PersonalData.mask("3174014505880001", field: Field.nik) == "31740*******0001")
        #expect(PersonalData.mask("siti@example.com", field: Field.email) == "s***@example.com")
        #expect(PersonalData.mask("Tebet", field: Field.kecamatan) == "Tebet")
    }

    @Test func runLockExcludesASecondHolderAndNamesTheFirst() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/lock"
        let first = try RunLock(path: path, runID: "run-one")
        #expect(first.takeOverNote == nil)
        do {
            _ = try RunLock(path: path, runID: "run-two")
            Issue.record("a second lock was granted")
        } catch {
            #expect(error.code == .locked)
            #expect(error.description.hasPrefix("\(path): locked by run run-one (pid \(getpid()), since "))
        }
        first.release()
        let again = try RunLock(path: path, runID: "run-three")
        #expect(again.takeOverNote == nil)
        again.release()
    }

    @Test func aLockLeftByACrashedRunIsTakenOverAndSaysSo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("lock", "run-crashed 999999 2026-11-28T02:00:00Z\n")
        let lock = try RunLock(path: path, runID: "run-next")
        #expect(lock.takeOverNote == "took over the lock left by run run-crashed (pid 999999, since 2026-11-28T02:00:00Z), which did not finish")
        lock.release()
    }

    @Test func suggestionsOnlyForPlausibleTypos() {
        #expect(EditDistance.suggestion(for: "treshold", among: ["threshold", "mode"]) == "threshold")
        #expect(EditDistance.suggestion(for: "colour", among: ["threshold", "mode"]) == nil)
    }
}

@Suite struct FastHashTests {
    func hash(_ chunks: [[UInt8]]) -> String {
        var hash = FastHash()
        for chunk in chunks { hash.update(chunk) }
        return hash.finalizeHex()
    }

    @Test func chunkingDoesNotChangeTheHash() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let whole = hash([bytes])
        #expect(whole.count == 16)
        for size in [1, 3, 7, 8, 9, 64, 999] {
            #expect(hash(stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }) == whole)
        }
    }

    @Test func anyChangedByteOrLengthChangesTheHash() {
        let bytes = Array("{\"name\":\"Siti\"}\n".utf8)
        var changed = bytes
        changed[3] ^= 1
        #expect(hash([bytes]) != hash([changed]))
        #expect(hash([bytes]) != hash([bytes + [0]]))
        #expect(hash([[]]) != hash([[0]]))
    }
}
