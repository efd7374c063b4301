import Foundation
import MusterCore
import MusterTesting
import Testing

@Suite struct SupportTests {
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
