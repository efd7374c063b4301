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

    // Programme (news item) fields.
    public static let guid = "guid"
    public static let title = "title"
    public static let link = "link"
    public static let published = "published"
    public static let author = "author"
    public static let categories = "categories"
    public static let text = "text"

    /// Fields that identify a person; masked in output unless the operator asks for PII.
    public static let personal: Set<String> = [name, nik, phone, email, birthDate, address]
}
