import ContentHash
import MusterCore
import Testing

@Suite struct ProvenanceTests {
    @Test func provenanceNamesTheRecordAndHashesItsBytes() {
        let context = ImportContext(sourceID: "pendaftaran")
        let file = SourceFile(path: "sheets/daftar.csv", absolutePath: "/srv/muster/sheets/daftar.csv")
        let provenance = context.provenance(file: file, locator: "row:14", content: Array("abc".utf8))
        #expect(provenance.sourceID == "pendaftaran")
        #expect(provenance.file == "sheets/daftar.csv", "the path as matched, not the absolute one")
        #expect(provenance.locator == "row:14")
        #expect(provenance.contentHash == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(provenance.key == "pendaftaran:sheets/daftar.csv#row:14")
    }
}
