import MusterCore
import Testing

@testable import MusterStages

/// Batches named by code in sheets, by title in news, and by both in exports, joined into one id.
@Suite struct SessionAliasesTests {
    let sheet = FieldValues([Field.sessionCode: "WUIB-TBT-3"])
    let export = FieldValues([Field.sessionCode: "WUIB-TBT-3", Field.sessionKey: "wuib kerajinan tas|3|31.74.01"])
    let news = FieldValues([Field.sessionKey: "wuib kerajinan tas|3|31.74.01"])
    let otherNews = FieldValues([Field.sessionKey: "barista kopi nusantara|2|31.74.04"])

    @Test func anExportTeachesThatACodeAndATitleAreOneBatch() {
        let aliases = SessionAliases([sheet, export, news, otherNews])
        #expect(aliases.session(of: news) == "WUIB-TBT-3")
        #expect(aliases.session(of: sheet) == "WUIB-TBT-3")
        #expect(aliases.session(of: export) == "WUIB-TBT-3")
        // A title no export explains stays a batch of its own.
        #expect(aliases.session(of: otherNews) == "barista kopi nusantara|2|31.74.04")
        #expect(aliases.session(of: FieldValues([Field.name: "Siti"])) == nil)
    }

    @Test func withoutAnExportTheCodeAndTheTitleStayApart() {
        let aliases = SessionAliases([sheet, news])
        #expect(aliases.session(of: news) == "wuib kerajinan tas|3|31.74.01")
        #expect(aliases.session(of: sheet) == "WUIB-TBT-3")
    }

    @Test func theIdDoesNotDependOnTheOrderRecordsCameIn() {
        let forward = SessionAliases([sheet, export, news, otherNews])
        let backward = SessionAliases([otherNews, news, export, sheet])
        for record in [sheet, export, news, otherNews] {
            #expect(forward.session(of: record) == backward.session(of: record))
        }
    }
}
