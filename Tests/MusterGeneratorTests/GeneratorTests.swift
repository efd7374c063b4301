import Foundation
import MusterCore
import MusterTesting
import Testing

@testable import MusterGenerator

/// The generator's output: deterministic, every format present, and a truth that covers it.
@Suite struct GeneratorTests {
    @Test func theSameSeedGivesTheSameBytes() throws {
        let first = try GeneratedFolder(people: 150, seed: 42)
        let second = try GeneratedFolder(people: 150, seed: 42)
        let other = try GeneratedFolder(people: 150, seed: 43)
        defer { for folder in [first, second, other] { folder.directory.remove() } }
        let files = try first.files()
        #expect(files == (try second.files()))
        for file in files {
            let a = try Data(contentsOf: URL(fileURLWithPath: first.path + "/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: second.path + "/" + file))
            #expect(a == b, "\(file) differs between two runs with the same seed")
        }
        let truthA = try Data(contentsOf: URL(fileURLWithPath: first.path + "/truth.csv"))
        let truthC = try Data(contentsOf: URL(fileURLWithPath: other.path + "/truth.csv"))
        #expect(truthA != truthC)
    }

    @Test func everyStyleAndFormatIsWritten() throws {
        let folder = try GeneratedFolder(people: 400)
        defer { folder.directory.remove() }
        let files = try folder.files()
        for prefix in [
            "sheets/pendaftaran-", "sheets/daftar-hadir-", "sheets/absensi-", "sheets/rekap-pelatihan-", "exports/jakpreneur-export-",
            "exports/jakpreneur-updates-", "feeds/berita-sudin-ppkukm-", "feeds/kabar-umkm-atom-",
        ] {
            #expect(files.count { $0.hasPrefix(prefix) } >= 2, "several files starting \(prefix)")
        }
        #expect(files.contains("pipeline.json") && files.contains("truth.csv"))
        let excel = try #require(files.first { $0.hasPrefix("sheets/daftar-hadir-") })
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + excel)))
        #expect(bytes.contains(0x96), "a Windows-1252 en dash in the title row")
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        #expect(bytes.firstRange(of: [0x0D, 0x0A]) != nil)
        let bom = try #require(files.first { $0.hasPrefix("sheets/absensi-") })
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + bom))).starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test func theTruthCoversEveryRecordOnce() throws {
        let folder = try GeneratedFolder(people: 300)
        defer { folder.directory.remove() }
        let refs = folder.truth.entries.map(\.ref)
        #expect(Set(refs).count == refs.count)
        #expect(refs.count == folder.summary.records)
        // Participant rows, and the signature and totals lines that only sit among them.
        let participants = folder.truth.entries.filter { $0.person != nil || $0.invalidReason != nil }
        #expect(participants.count == folder.summary.participantRecords)
        #expect(participants.count { $0.invalidReason != nil } == folder.summary.invalidRecords)
        #expect(Set(participants.compactMap(\.person)).count == 300)
        // Programme records have neither a person nor a reason; lines without a person but
        // with a reason are signature or totals lines; every reason is a known rule.
        #expect(folder.truth.entries.allSatisfy { $0.person != nil || $0.invalidReason == nil || $0.invalidReason == Defect.malformedRecord.rawValue })
        #expect(Set(participants.compactMap(\.invalidReason)).isSubset(of: Set(Defect.allCases.map(\.rawValue))))
    }

    @Test func theHardCasesArePresent() throws {
        let folder = try GeneratedFolder(people: 2_000, seed: 3)
        defer { folder.directory.remove() }
        var population = Population(people: 2_000, random: SplitMix64(seed: 3))
        var people: [Person] = []
        while let household = population.nextHousehold() { people += household }
        #expect(people.count == 2_000)
        #expect(Set(people.map(\.nik)).count == 2_000, "NIKs are unique")
        let homonyms = Dictionary(grouping: people) { "\($0.words.joined(separator: " "))|\($0.kecamatan)" }.values.filter { $0.count > 1 }
        #expect(!homonyms.isEmpty, "people with the same name in the same kecamatan")
        let sharedPhones = Dictionary(grouping: people) { $0.phones[0] }.values.filter { $0.count > 1 }
        #expect(!sharedPhones.isEmpty, "family members sharing a phone")
        let twins = zip(people, people.dropFirst()).filter { a, b in
            a.nik.prefix(12) == b.nik.prefix(12) && (Int(b.nik.suffix(4)) ?? 0) - (Int(a.nik.suffix(4)) ?? 0) == 1 && a.address == b.address
        }
        #expect(!twins.isEmpty, "twins with consecutive NIK serials")
    }
}

/// Place names as the generator abbreviates them: by rule, so muster is tested on the rule
/// and not on a list the two share.
@Suite struct PlaceVariationTests {
    @Test(arguments: [
        ("Mampang Prapatan", "Mampang Prpt."), ("Pasar Minggu", "Pasar Mngg."), ("Cilandak Timur", "Cilandak Tmr."),
        ("Kebayoran Baru", "Kebayoran Baru"), ("Tebet", "Tebet"),
    ])
    func theLastWordIsCutToItsConsonants(name: String, written: String) {
        #expect(ValueVariation.abbreviatedLastWord(name) == written)
    }

    @Test func numberWordsBecomeNumerals() {
        #expect(ValueVariation.numerals("Duren Tiga") == "Duren 3")
        #expect(ValueVariation.numerals("Tebet Barat") == "Tebet Barat")
        #expect(ValueVariation.numerals("Duren Tiga", roman: true) == "Duren III")
    }

    @Test(arguments: [
        (1992, 8, 15, "1992-08-14T17:00:00.000Z"), (1990, 1, 1, "1989-12-31T17:00:00.000Z"), (1988, 3, 1, "1988-02-29T17:00:00.000Z"),
        (1989, 3, 1, "1989-02-28T17:00:00.000Z"),
    ])
    func aBirthDateAsAUTCTimestampIsMidnightInJakarta(year: Int, month: Int, day: Int, timestamp: String) {
        let person = Person(
            number: 1, words: ["Siti"], isFemale: true, birthYear: year, birthMonth: month, birthDay: day, kecamatan: 0, kelurahan: 0, nik: "",
            phones: [], email: nil, address: "", sector: 0, degree: nil, isHajj: false, platformID: 1)
        #expect(ValueVariation.utcTimestamp(person) == timestamp)
    }
}
