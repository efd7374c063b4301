import MusterCore
import MusterTesting
import Testing

@testable import MusterStages

/// One training batch as sheets, exports, recaps and news name it, read into keys that meet.
@Suite struct SessionIdentityTests {
    @Test(arguments: [
        ("WUIB-TBT-03", "WUIB-TBT-3"), ("jahit-kbb-1", "JAHIT-KBB-1"), ("DIGI-02", "DIGI-2"), (" WUIB - TBT - 12 ", "WUIB-TBT-12"),
    ])
    func aCodeIsRead(text: String, code: String) {
        #expect(SessionIdentity.code(text) == code)
    }

    @Test(arguments: ["WUIB", "2024-09-02", "WUIB-TBT", "WUIB-TBT-0", "ppkukm-jaksel-000123x", "Pelatihan WUIB Kerajinan Tas", "A-B-C-1"])
    func textThatIsNoCodeIsNone(text: String) {
        #expect(SessionIdentity.code(text) == nil)
    }

    @Test(
        arguments: [
            ("Daftar Peserta Pelatihan WUIB Kerajinan Tas Angkatan 3 Kecamatan Tebet", nil, "wuib kerajinan tas|3|31.74.01"),
            ("Pelatihan WUIB Kerajinan Tas Angkatan 3 Kecamatan Tebet", nil, "wuib kerajinan tas|3|31.74.01"),
            ("Pelatihan WUIB Kerajinan Tas Angkatan 3", "31.74.01", "wuib kerajinan tas|3|31.74.01"),
            ("Pengumuman Peserta Pelatihan Barista Kopi Nusantara Angkatan 2 Kecamatan Pasar Minggu", nil, "barista kopi nusantara|2|31.74.04"),
            ("Pelatihan Menjahit Busana Kec. Kebayoran Baru Angkatan 1", nil, "menjahit busana|1|31.74.07"),
            ("Pelatihan WUIB Kerajinan Tas", "31.74.01", nil), ("Angkatan 3 Kecamatan Tebet", nil, nil),
            ("Pelatihan WUIB Kerajinan Tas Angkatan 3", nil, nil),
        ] as [(String, String?, String?)])
    func aTitleIsReadIntoAKey(title: String, kecamatan: String?, key: String?) {
        let places = PlaceIndex(aliases: [:], abbreviations: [:], homeRegency: "31.74")
        let found = SessionIdentity.key(
            title: title,
            kecamatan: { text in
                if case .exact(let place) = places.lookup(text, level: .kecamatan).match { return place.code }
                return nil
            }, fallback: kecamatan)
        #expect(found == key, "\(title)")
    }

    @Test func anExportTrainingCarriesBothKeysAndANewsRowMeetsItByTitle() {
        let export = Normalizing.record(
            [Field.name: "Siti Aminah", Field.kelurahan: "Tebet Timur"],
            enrollments: [Enrollment(programme: "WUIB-TBT-03", title: "Pelatihan WUIB Kerajinan Tas Angkatan 3 Kecamatan Tebet", date: "2024-09-02")])
        let news = Normalizing.record(
            [Field.name: "Siti Aminah", Field.kelurahan: "Tebet Timur"],
            enrollments: [Enrollment(programme: "ppkukm-jaksel-000042", title: "Daftar Peserta Pelatihan WUIB Kerajinan Tas Angkatan 3 Kecamatan Tebet")])
        let sheet = Normalizing.record([Field.name: "Siti Aminah"], enrollments: [Enrollment(session: "WUIB-TBT-03")])
        #expect(export.values[Field.sessionCode] == "WUIB-TBT-3" && sheet.values[Field.sessionCode] == "WUIB-TBT-3")
        #expect(export.values[Field.sessionKey] == "wuib kerajinan tas|3|31.74.01")
        #expect(news.values[Field.sessionKey] == export.values[Field.sessionKey])
        #expect(news.values[Field.sessionCode] == nil, "a news guid is no session code")
    }
}
