import CSVSignupImporter
import Foundation
import JSONExportImporter
import MusterCore
import MusterTesting
import Testing
import XMLNewsImporter

@testable import MusterGenerator
@testable import MusterStages

/// The real importers read the generated files and produce exactly the truth's refs, and
/// every invalid record carries its defect (checked against the rules in
/// samples/expected/README.md, independently of the validate stage).
@Suite struct ImporterAgreementTests {
    func importer(for file: String) throws -> any Importer {
        if file.hasSuffix(".csv") { return try CSVSignupImporter(options: .init()) }
        if file.hasSuffix(".xml") { return XMLNewsImporter(options: .init()) }
        return try JSONExportImporter(options: .init())
    }

    func records(in folder: GeneratedFolder, sessionsFromFileNames: Bool = false) throws -> [SourceRecord] {
        var records: [SourceRecord] = []
        for file in try folder.files() where !["pipeline.json", "truth.csv", "people.csv"].contains(file) {
            // As the generated pipeline.json reads them: a session's sheet names it.
            let importer: any Importer =
                sessionsFromFileNames && file.hasSuffix(".csv") && !file.contains("rekap")
                ? try CSVSignupImporter(options: .init(sessionFromFileName: "(?:pendaftaran|daftar-hadir|absensi)-(.+)\\.csv"))
                : try importer(for: file)
            let (batches, error) = ImporterConformance(importer: importer).read(folder.sourceFile(file))
            #expect(error == nil, "\(file): \(String(describing: error))")
            records += batches.joined()
        }
        return records
    }

    @Test func theImportersProduceExactlyTheTruthsRefs() throws {
        let folder = try GeneratedFolder(people: 300, invalidShare: 0.08)
        defer { folder.directory.remove() }
        let records = try records(in: folder)
        let refs = records.map(\.provenance.reference)
        let truth = Dictionary(uniqueKeysWithValues: folder.truth.entries.map { ($0.ref, $0) })
        #expect(refs.count == Set(refs).count)
        #expect(
            Set(refs) == Set(truth.keys),
            "missing: \(Set(truth.keys).subtracting(refs).sorted().prefix(5)); extra: \(Set(refs).subtracting(truth.keys).sorted().prefix(5))")
        for record in records {
            guard let entry = truth[record.provenance.reference] else { continue }
            #expect((record.kind == .programme) == (entry.person == nil && entry.invalidReason == nil), "\(entry.ref) kind")
            #expect((record.rejection != nil) == (entry.invalidReason == Defect.malformedRecord.rawValue), "\(entry.ref) rejected")
        }
    }

    @Test func invalidRecordsCarryTheirDefectAndValidOnesNone() throws {
        let folder = try GeneratedFolder(people: 600, seed: 11, invalidShare: 0.1)
        defer { folder.directory.remove() }
        let truth = Dictionary(uniqueKeysWithValues: folder.truth.entries.map { ($0.ref, $0) })
        var seen: Set<String> = []
        for record in try records(in: folder) where record.kind == .participant && record.rejection == nil {
            let entry = try #require(truth[record.provenance.reference])
            var found = Self.firstBrokenRule(record.fields.dictionary)
            if found == nil, let nik = record.fields[Field.nik], nik.filter(\.isNumber).count == 16,
                !ValueVariation.hasRealDate(Array(nik.filter(\.isNumber).utf8))
            {
                found = "nik-format"  // the stage also checks the NIK's date digits
            }
            #expect(
                found == entry.invalidReason, "\(entry.ref) \(record.fields.dictionary): expected \(entry.invalidReason ?? "valid"), found \(found ?? "valid")")
            if let found { seen.insert(found) }
        }
        #expect(seen == Set(Defect.allCases.map(\.rawValue)).subtracting([Defect.malformedRecord.rawValue]))
    }

    @Test func everyAnnouncedParticipantIsEnrolledInTheAnnouncedSessionAndMostAppearThereElsewhere() throws {
        let folder = try GeneratedFolder(people: 600, seed: 13)
        defer { folder.directory.remove() }
        let people = try #require(try PeopleFile.load(folder.path + "/people.csv"))
        let truth = Dictionary(uniqueKeysWithValues: folder.truth.entries.map { ($0.ref, $0) })
        // Session codes each person's sheet and export records name: a sheet by its file
        // name, an export by the training's code.
        var namedElsewhere: [String: Set<String>] = [:]
        var feedRows: [(person: String, title: String)] = []
        for record in try records(in: folder) where record.kind == .participant && record.rejection == nil {
            guard let person = truth[record.provenance.reference]?.person else { continue }
            let file = record.provenance.file
            if file.hasSuffix(".xml") {
                feedRows.append((person, record.enrollments.first?.title ?? ""))
            } else if let code = file.split(separator: "/").last?.split(separator: ".").first.map(String.init),
                let session = people.sessions[person]?.first(where: { code.hasSuffix($0) })
            {
                namedElsewhere[person, default: []].insert(session)
            } else {
                for enrollment in record.enrollments { if let code = enrollment.programme { namedElsewhere[person, default: []].insert(code) } }
            }
        }
        #expect(feedRows.count > 100)
        var linkable = 0
        for row in feedRows {
            let sessions = try #require(people.sessions[row.person])
            // The item's title names the programme, batch and kecamatan of one of the person's sessions.
            let announced = sessions.first { code in
                let parts = code.split(separator: "-").map(String.init)
                guard parts.count == 3, let programme = Sessions.programmes.first(where: { $0.code == parts[0] }),
                    let kecamatan = Kecamatan.all.first(where: { $0.short == parts[1] }), let batch = Int(parts[2])
                else { return false }
                return row.title.hasSuffix("\(programme.title) Angkatan \(batch) Kecamatan \(kecamatan.name)")
            }
            #expect(announced != nil, "\(row.person): \(row.title) is none of \(sessions)")
            if let announced, namedElsewhere[row.person]?.contains(announced) == true { linkable += 1 }
        }
        // Most announced people also sign up, attend or appear in an export for that session.
        #expect(Double(linkable) / Double(feedRows.count) > 0.5, "\(linkable) of \(feedRows.count)")
    }

    @Test func sheetsExportsRecapsAndNewsNameOneSessionAlikeAfterNormalize() throws {
        let folder = try GeneratedFolder(people: 600, seed: 17)
        defer { folder.directory.remove() }
        let truth = Dictionary(uniqueKeysWithValues: folder.truth.entries.map { ($0.ref, $0) })
        let normalize = NormalizeStage(
            options: .init(),
            context: StageContext(
                runID: "test", stageName: "normalize",
                configuration: PipelineConfiguration(file: "pipeline.json", baseDirectory: folder.path, sources: [], stages: [])))
        var codeOfKey: [String: Set<String>] = [:]
        var exportKeys: Set<String> = []
        var sheetCodes: Set<String> = []
        var newsKeys: [String] = []
        var normalized: [(person: String, isNews: Bool, values: FieldValues)] = []
        for source in try records(in: folder, sessionsFromFileNames: true) where source.kind == .participant && source.rejection == nil {
            guard truth[source.provenance.reference]?.person != nil else { continue }
            var record = Record(source: source)
            normalize.transform(&record)
            let values = record.normalized?.values ?? FieldValues()
            let file = source.provenance.file
            normalized.append((truth[source.provenance.reference]?.person ?? "", file.hasSuffix(".xml"), values))
            if file.hasSuffix(".xml") {
                newsKeys.append(try #require(values[Field.sessionKey], "\(source.provenance.reference)"))
            } else if file.hasPrefix("exports/") {
                let code = try #require(values[Field.sessionCode])
                let key = try #require(values[Field.sessionKey])
                codeOfKey[key, default: []].insert(code)
                exportKeys.insert(key)
            } else if let code = values[Field.sessionCode] {
                sheetCodes.insert(code)
            }
        }
        // An export names each session by one code and one title: the two keys are one session.
        #expect(codeOfKey.values.allSatisfy { $0.count == 1 })
        // Most announcements' sessions appear in an export, where their code is learned.
        let known = newsKeys.count { exportKeys.contains($0) }
        #expect(Double(known) / Double(newsKeys.count) > 0.8, "\(known) of \(newsKeys.count)")
        // And most sessions' sheets carry a code an export also names.
        let exportCodes = Set(codeOfKey.values.flatMap { $0 })
        #expect(sheetCodes.count > 20)
        #expect(Double(sheetCodes.count { exportCodes.contains($0) }) / Double(sheetCodes.count) > 0.8, "\(sheetCodes.subtracting(exportCodes).prefix(5))")
        // Joined through the exports' aliases, most news rows name a batch in which their
        // person also appears in a sheet, export or recap: the matcher can compare them there.
        let aliases = SessionAliases(normalized.map(\.values))
        var elsewhere: Set<String> = []
        for record in normalized where !record.isNews {
            if let session = aliases.session(of: record.values) { elsewhere.insert(record.person + "|" + session) }
        }
        let news = normalized.filter(\.isNews)
        let met = news.count { record in aliases.session(of: record.values).map { elsewhere.contains(record.person + "|" + $0) } ?? false }
        #expect(Double(met) / Double(news.count) > 0.65, "\(met) of \(news.count)")
    }

    /// The first rule of samples/expected/README.md a record's raw fields break.
    static func firstBrokenRule(_ fields: [String: String]) -> String? {
        func present(_ field: String) -> String? {
            // Invisible characters pasted from chat apps are no part of a value.
            let visible = fields[field].map { String(String.UnicodeScalarView($0.unicodeScalars.filter { $0.properties.generalCategory != .format })) }
            guard var value = visible?.trimmingCharacters(in: .whitespaces), !["", "-", "\u{2013}", "0000-00-00"].contains(value) else { return nil }
            if value.hasPrefix("'") || value.hasPrefix("\u{2019}") { value.removeFirst() }  // Excel's (or Word's) text apostrophe
            return value
        }
        if present(Field.name) == nil { return "required-name" }
        if let nik = present(Field.nik) {
            let stripped = nik.filter { $0 != " " && $0 != "." && $0 != "-" }
            if stripped.count != 16 || !stripped.allSatisfy({ $0.isASCII && $0.isNumber }) { return "nik-format" }
        }
        if let phone = present(Field.phone) {
            // A letter typed for a digit makes no number at all.
            let characters = Array(phone)
            if characters.indices.dropFirst().dropLast().contains(where: { index in
                characters[index].isLetter && characters[index - 1].isNumber && (characters[index + 1].isNumber || characters[index + 1] == "-")
            }) {
                return "phone-format"
            }
            var digits = phone.filter { $0.isASCII && $0.isNumber }
            let international = phone.hasPrefix("+") ? digits : digits.hasPrefix("00") ? String(digits.dropFirst(2)) : nil
            if let international, !international.hasPrefix("62"), !international.hasPrefix("0") { return "phone-indonesian" }
            // A national number without its trunk 0: a mobile (8…) or, stored as a number, a landline (21…).
            if digits.hasPrefix("0") { digits = "62" + digits.dropFirst() } else if digits.hasPrefix("8") || digits.hasPrefix("21") { digits = "62" + digits }
            if !digits.hasPrefix("62") || !(8...13).contains(digits.count - 2) { return "phone-format" }
        }
        if let email = present(Field.email) {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            let domain = parts.count == 2 ? parts[1].split(separator: ".", omittingEmptySubsequences: false) : []
            if parts.count != 2 || parts[0].isEmpty || email.contains(" ") || email.contains("(") || domain.count < 2 || domain.contains(where: \.isEmpty) {
                return "email-format"
            }
        }
        if var date = present(Field.birthDate) {
            // A JavaScript timestamp: the date part is the day before in Jakarta, still a real day.
            if date.count > 10, date.dropFirst(10).first == "T" { date = String(date.prefix(10)) }
            if !isPossibleBirthDate(date) { return "birth-date-real" }
        }
        if let place = present(Field.kelurahan) {
            let name = (place.hasPrefix("Kel. ") ? String(place.dropFirst(5)) : place).lowercased()
            if Kecamatan.elsewhere.contains(where: { $0.kelurahan.lowercased() == name }) { return "place-in-area" }
        }
        return nil
    }

    /// Whether a written birth date (day first or ISO, the month as a number or a name, or an
    /// Excel serial) is a real day that has already come.
    static func isPossibleBirthDate(_ text: String) -> Bool {
        if text.allSatisfy(\.isNumber) { return true }
        var parts = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        // "Tempat, Tanggal Lahir": the birth place's words come first.
        while parts.count > 3, let first = parts.first, first.allSatisfy(\.isLetter) { parts.removeFirst() }
        guard parts.count == 3 else { return false }
        let isISO = parts[0].count == 4
        let word = parts[1].lowercased()
        let named = (0..<12).first { ValueVariation.monthsID[$0].lowercased() == word || ValueVariation.monthsShort[$0].lowercased() == word }
        guard let day = Int(isISO ? parts[2] : parts[0]), var year = Int(isISO ? parts[0] : parts[2]),
            let month = Int(parts[1]) ?? named.map({ $0 + 1 })
        else { return false }
        if year < 100 { year += year > 30 ? 1900 : 2000 }
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
        let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && (1...days[month - 1]).contains(day) && year <= thisYear
    }
}
