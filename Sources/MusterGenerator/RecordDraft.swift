/// One record about one person as it will be written: every value already in the form the
/// source shows it (an empty string is an absent value).
struct RecordDraft {
    var person: Person
    var defect: Defect?
    /// The training this record is about: the file, item or row it is written in names it.
    var session: Session
    var name = ""
    var nik = ""
    /// Write the NIK as a JSON number (exports only).
    var nikAsNumber = false
    var phone = ""
    /// Write the phone as a JSON number (exports only).
    var phoneAsNumber = false
    var email = ""
    var birthDate = ""
    var gender = ""
    var kelurahan = ""
    var kecamatan = ""
    var sector = ""
    var address = ""
    /// The training a recap row names, its date and the person's status in it.
    var trainingTitle = ""
    var trainingDate = ""
    var status = ""

    init(person: Person, defect: Defect?, session: Session) {
        self.person = person
        self.defect = defect
        self.session = session
    }
}
