import MusterCore

/// Invents people household by household, with the hard cases a deduplicator must get
/// right: homonyms (a handful of common full names shared by many people in the same
/// kecamatan), family members sharing an address and often one phone, and twins (same
/// birth date and address, consecutive NIK serials).
///
/// NIKs, own phone numbers and e-mail addresses are unique per person; only the family
/// phones are shared on purpose.
struct Population {
    private var random: SplitMix64
    private let total: Int
    private var next = 1
    private var households = 0
    private var niks: Set<UInt64> = []
    private var phones: Set<UInt64> = []
    private var emails: Set<String> = []

    static let mobilePrefixes = [
        "811", "812", "813", "821", "822", "823", "852", "853", "856", "857", "858", "859", "877", "878", "881", "882", "887", "895", "896", "897",
    ]

    init(people: Int, random: SplitMix64) {
        total = people
        self.random = random
    }

    /// The next household (1–4 people, never past the requested total), or nil when done.
    mutating func nextHousehold() -> [Person]? {
        guard next <= total else { return nil }
        households += 1
        let kind = random.weighted([0.80, 0.12, 0.05, 0.03])
        let size = min([1, 2, 3, 2][kind], total - next + 1)
        let kecamatan = random.below(Kecamatan.all.count)
        let kelurahan = random.below(Kecamatan.all[kecamatan].kelurahan.count)
        let address = "\(random.pick(NameParts.streets)) No. \(random.within(1...120)) RT \(pad(random.within(1...15), 3))/RW \(pad(random.within(1...12), 2))"
        let familyName: String? = random.chance(0.6) ? random.pick(NameParts.familyWords) : nil
        var members: [Person] = []
        for index in 0..<size {
            var person = makePerson(kecamatan: kecamatan, kelurahan: kelurahan, address: address, familyName: familyName)
            person.household = households
            if kind == 3, index == 1, let twin = members.first {
                makeTwin(&person, of: twin)
            } else if index > 0, let head = members.first, random.chance(0.3) {
                // The family's one WhatsApp number, written by every member.
                person.phones = [head.phones[0]] + (random.chance(0.3) ? person.phones : [])
            }
            members.append(person)
        }
        return members
    }

    private mutating func makePerson(kecamatan: Int, kelurahan: Int, address: String, familyName: String?) -> Person {
        let number = next
        next += 1
        var isFemale = random.chance(0.62)
        var words: [String]
        if random.chance(0.04) {
            let common = random.below(NameParts.commonNames.count)
            words = NameParts.commonNames[common]
            isFemale = NameParts.commonNameIsFemale[common]
        } else {
            words = givenNames(isFemale: isFemale)
            if let familyName, random.chance(0.8) {
                words.append(familyName)
            } else if random.chance(0.7) {
                words.append(isFemale && random.chance(0.6) ? random.pick(NameParts.femaleFamilyWords) : random.pick(NameParts.familyWords))
            }
        }
        let year = random.within(1962...2005)
        let person = Person(
            number: number, words: words, isFemale: isFemale,
            birthYear: year, birthMonth: random.within(1...12), birthDay: random.within(1...28),
            kecamatan: kecamatan, kelurahan: kelurahan, nik: "", phones: [newPhone()], email: nil, address: address,
            sector: random.below(NameParts.sectors.count),
            degree: random.chance(0.12)
                ? (random.chance(0.85) ? random.below(NameParts.degreeSuffixes.count) : -1 - random.below(NameParts.degreePrefixes.count)) : nil,
            isHajj: year < 1985 && random.chance(0.15),
            platformID: 100 + number
        )
        var result = person
        result.nik = newNIK(for: person, serial: random.within(1...400))
        if random.chance(0.1) { result.phones.append(newPhone()) }
        if random.chance(0.55) { result.email = newEmail(for: person) }
        return result
    }

    /// Same birth date, kelurahan and family name, next NIK serial, a different given name.
    private mutating func makeTwin(_ person: inout Person, of twin: Person) {
        person.twinOf = twin.number
        person.birthYear = twin.birthYear
        person.birthMonth = twin.birthMonth
        person.birthDay = twin.birthDay
        if let family = twin.words.last, twin.words.count > 1, NameParts.familyWords.contains(family) {
            person.words = givenNames(isFemale: person.isFemale).suffix(1) + [family]
        }
        let serial = (Int(twin.nik.suffix(4)) ?? 1) + 1
        person.nik = newNIK(for: person, serial: serial)
        if random.chance(0.5) { person.phones = [twin.phones[0]] }
    }

    private mutating func givenNames(isFemale: Bool) -> [String] {
        var words: [String] = []
        if !isFemale, random.chance(0.3) { words.append(NameParts.muhammad) }
        if random.chance(0.5) {
            words.append(random.pick(isFemale ? NameParts.femaleWords : NameParts.maleWords))
        } else {
            var name = random.pick(NameParts.onsets)
            if random.chance(0.4) { name += random.pick(NameParts.middles) }
            name += random.pick(isFemale ? NameParts.femaleEndings : NameParts.maleEndings)
            words.append(name)
        }
        return words
    }

    /// A NIK unused so far; the serial moves up until it is free.
    private mutating func newNIK(for person: Person, serial: Int) -> String {
        let day = person.birthDay + (person.isFemale ? 40 : 0)
        var serial = serial
        while true {
            let text = "3174" + Kecamatan.all[person.kecamatan].code + pad(day, 2) + pad(person.birthMonth, 2) + pad(person.birthYear % 100, 2) + pad(serial, 4)
            if let value = UInt64(text), niks.insert(value).inserted { return text }
            serial = serial % 9999 + 1
        }
    }

    private mutating func newPhone() -> String {
        while true {
            let phone: String
            if random.chance(0.05) {
                phone = "21" + pad(random.within(7_000_000...8_999_999), 7)
            } else {
                phone = random.pick(Self.mobilePrefixes) + pad(random.below(random.chance(0.5) ? 10_000_000 : 100_000_000), random.chance(0.5) ? 8 : 7)
            }
            if let value = UInt64(phone), phones.insert(value).inserted { return phone }
        }
    }

    private mutating func newEmail(for person: Person) -> String {
        let first = person.words.first { $0 != NameParts.muhammad } ?? person.words[0]
        let last = person.words.count > 1 ? person.words[person.words.count - 1] : "ukm"
        var local: String
        switch random.below(5) {
        case 0: local = "\(first).\(last)"
        case 1: local = "\(first)\(last)\(random.within(10...99))"
        case 2: local = "\(first)_\(last)"
        case 3: local = "\(first).\(random.pick(["store", "olshop", "kue", "collection", "craft"]))\(random.within(1...99))"
        default: local = "\(first.prefix(1))\(last)\(random.within(60...99))"
        }
        local = local.lowercased()
        let domain = random.pick(NameParts.emailDomains)
        var email = "\(local)@\(domain)"
        while !emails.insert(email).inserted { email = "\(local)\(random.within(100...9999))@\(domain)" }
        return email
    }
}

/// `number` in decimal, left-padded with zeros to `width` digits.
func pad(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
