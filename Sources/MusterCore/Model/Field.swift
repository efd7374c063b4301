/// Canonical field names shared by importers and stages.
///
/// Importers map their own column names or JSON paths onto these; stages read and
/// write them. Names are plain strings so an office can add its own fields without code.
public enum Field {
    // Participant fields.
    public static let name = "name"
    public static let nik = "nik"
    public static let phone = "phone"
    public static let email = "email"
    public static let birthDate = "birthDate"
    public static let birthPlace = "birthPlace"
    public static let gender = "gender"
    public static let address = "address"
    public static let kelurahan = "kelurahan"
    public static let kecamatan = "kecamatan"
    public static let postalCode = "postalCode"
    public static let sector = "sector"
    public static let businessName = "businessName"
    public static let externalID = "externalID"
    public static let submittedAt = "submittedAt"

    // Values the normalize stage derives beside the canonical ones.
    /// Honorifics split off a name (`Ibu`, `Hj.`), space-separated in the order written.
    public static let honorific = "honorific"
    /// Academic degrees split off a name (`Dr.`, `S.E.`), comma-separated in the order written.
    public static let degree = "degree"
    /// The folded name used for fuzzy matching (Muhammad variants, old spellings): `muhamad rizki`.
    public static let nameKey = "nameKey"
    /// Further numbers from a phone field holding several, E.164, space-separated.
    public static let otherPhones = "otherPhones"
    /// `mobile` or `landline`, for the primary phone.
    public static let phoneType = "phoneType"
    /// Official kecamatan code (`31.74.01`) for the canonical kecamatan.
    public static let kecamatanCode = "kecamatanCode"
    /// Official kelurahan code (`31.74.01.1001`) for the canonical kelurahan.
    public static let kelurahanCode = "kelurahanCode"
    /// The kecamatan code a NIK's first six digits name (`31.74.01`).
    public static let nikDistrict = "nikDistrict"
    /// The birth date a NIK encodes (ISO).
    public static let nikBirthDate = "nikBirthDate"
    /// The gender a NIK encodes (`L`, `P`).
    public static let nikGender = "nikGender"
    /// Fields whose canonical value was derived rather than given (`birthDate gender kecamatan`).
    public static let derived = "derived"
    /// The training batch by its code (`WUIB-TBT-3`), from a sheet's file name or an export's code.
    public static let sessionCode = "sessionCode"
    /// The training batch by its title (`wuib kerajinan tas|3|31.74.01`): programme words,
    /// batch, kecamatan code.
    public static let sessionKey = "sessionKey"
    /// The training batch as one id across its names, which dedupe gives a record from the
    /// aliases its sources teach (a code, or a title key no code is known for).
    public static let session = "session"

    // Programme (news item) fields.
    public static let guid = "guid"
    public static let title = "title"
    public static let link = "link"
    public static let published = "published"
    public static let author = "author"
    public static let categories = "categories"
    public static let text = "text"

    /// Fields that identify a person; masked in output unless the operator asks for PII.
    public static let personal: Set<String> = [name, nik, phone, email, birthDate, address, nameKey, otherPhones, nikBirthDate]
}
