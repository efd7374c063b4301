/// The one order of field names: ``FieldValues`` keeps its members in it, ``JSONWriter``
/// writes object keys in it (so equal values give equal bytes and a record's fields are
/// written without a sort), and code that dispatches on a ``Field`` name uses its rank.
///
/// - The order is `String`'s `<`, decided from the UTF-8 bytes wherever they agree with it
///   (``precedes(_:_:)``).
/// - Every ``Field`` name has a rank in `0..<64`: its index among the ``Field`` names in
///   that order. Ranks of two names compare as the names do, so members kept by rank are
///   kept in order.
package enum FieldOrder {
    /// Every ``Field`` name, in order: a name's rank is its index here.
    package static let names: [String] = [
        Field.name, Field.nik, Field.phone, Field.email, Field.birthDate, Field.birthPlace, Field.gender, Field.address,
        Field.kelurahan, Field.kecamatan, Field.postalCode, Field.sector, Field.businessName, Field.externalID,
        Field.submittedAt, Field.honorific, Field.degree, Field.nameKey, Field.otherPhones, Field.phoneType,
        Field.kecamatanCode, Field.kelurahanCode, Field.nikDistrict, Field.nikBirthDate, Field.nikGender, Field.derived,
        Field.sessionCode, Field.sessionKey, Field.session, Field.guid, Field.title, Field.link, Field.published, Field.author, Field.categories, Field.text,
    ].sorted(by: precedes)

    /// The rank of a ``Field`` name (0..<64, stable for the life of the process), or nil.
    package static func rank(of name: String) -> Int? {
        let rank = rawRank(of: name)
        return rank == unknownRank ? nil : Int(rank)
    }

    /// `String`'s `<`, decided from the UTF-8 bytes where the first difference is between
    /// ASCII characters that stand alone (always, for field names): there byte order and
    /// Unicode order agree, as normalization joins only combining marks, never ASCII, to a
    /// character. Otherwise `<` decides.
    package static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let decided: Bool? =
            lhs.utf8.withContiguousStorageIfAvailable { left -> Bool? in
                rhs.utf8.withContiguousStorageIfAvailable { right -> Bool? in
                    let shared = min(left.count, right.count)
                    var index = 0
                    while index < shared, left[index] == right[index] { index += 1 }
                    if index < shared {
                        // The differing characters must be whole: ASCII, and not followed by a
                        // (non-ASCII) combining mark that would compose with them.
                        func standalone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
                            bytes[index] < 0x80 && (index + 1 == bytes.count || bytes[index + 1] < 0x80)
                        }
                        return standalone(left) && standalone(right) ? left[index] < right[index] : nil
                    }
                    if left.count == right.count { return false }
                    let next = left.count > right.count ? left[index] : right[index]
                    return next < 0x80 ? left.count < right.count : nil
                } ?? nil
            } ?? nil
        if let decided { return decided }
        return lhs < rhs
    }

    // MARK: - The rank table

    /// What ``rawRank(of:)`` returns for a name outside ``Field``.
    static let unknownRank = UInt16.max

    /// The rank of a ``Field`` name, or ``unknownRank``: no optional, for the hot paths.
    static func rawRank(of name: String) -> UInt16 {
        let utf8 = name.utf8
        var slot = utf8.withContiguousStorageIfAvailable { fingerprint($0) } ?? fingerprint(Array(utf8))
        while true {
            let stored = slots[slot]
            if stored == 0 { return unknownRank }
            if names[Int(stored) - 1] == name { return stored - 1 }
            slot = (slot + 1) & (slotCount - 1)
        }
    }

    /// Open addressing over a short fingerprint of the name (length, first and last bytes):
    /// each slot holds a rank + 1, 0 when empty.
    private static let slotCount = 256
    private static let slots: [UInt16] = {
        precondition(names.count <= 64, "Field names must fit FieldValues' 64 presence bits")
        var slots = [UInt16](repeating: 0, count: slotCount)
        for (rank, name) in names.enumerated() {
            var slot = fingerprint(Array(name.utf8))
            while slots[slot] != 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = UInt16(rank + 1)
        }
        return slots
    }()

    @inline(__always)
    private static func fingerprint(_ bytes: some Collection<UInt8>) -> Int {
        guard let first = bytes.first else { return 0 }
        let mixed =
            (UInt32(bytes.count) &* 0x9E37_79B1) ^ (UInt32(first) &* 0x85EB_CA77) ^ (UInt32(bytes[bytes.index(bytes.endIndex, offsetBy: -1)]) &* 0xC2B2_AE3D)
        return Int(mixed >> 24)
    }
}
