/// How far a person got in a training, as read from an enrollment's raw status.
///
/// The registry stores the reading in `enrollments.status` and the raw value beside it in
/// `status_raw`. A negative status
/// is a reading of its own, never nil: `tidak lulus` says the person took part and did not
/// pass, `tidak hadir` that they registered and did not come, and both are worth telling
/// apart from a status nobody could read.
public enum EnrollmentStanding: String, Sendable, Hashable, Codable, CaseIterable {
    /// Signed up (`terdaftar`, `registered`, `enrolled`).
    case registered
    /// Signed up and did not come (`tidak hadir`, `absen`, `izin`, `sakit`, `alpa`, `absent`).
    case absent
    /// Came (`hadir`, `attended`, `present`).
    case attended
    /// Took part and did not pass (`tidak lulus`, `belum lulus`, `gagal`, `belum kompeten`, `failed`).
    case failed
    /// Passed (`lulus`, `kompeten`, `passed`, `pass`).
    case passed

    /// Reads a status as a source wrote it: in any case, with spaces around or doubled, and
    /// with `-` or `_` between words (`Tidak_Lulus`). nil for anything else, empty included.
    public init?(reading status: String) {
        guard let standing = Self.readings[Self.folded(status)] else { return nil }
        self = standing
    }

    /// Lower case, words separated by one space: `  TIDAK-lulus ` → `tidak lulus`.
    static func folded(_ status: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in status.lowercased() {
            if character.isWhitespace || character == "-" || character == "_" {
                pendingSpace = true
                continue
            }
            if pendingSpace && !result.isEmpty { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }

    /// Every known status, folded, with its reading.
    static let readings: [String: EnrollmentStanding] = {
        let table: [(EnrollmentStanding, [String])] = [
            (.registered, ["terdaftar", "registered", "enrolled"]),
            (.absent, ["tidak hadir", "tdk hadir", "absen", "izin", "sakit", "alpa", "absent", "not attended"]),
            (.attended, ["hadir", "attended", "present"]),
            (.failed, ["tidak lulus", "tdk lulus", "belum lulus", "gagal", "tidak kompeten", "belum kompeten", "failed", "fail", "not passed"]),
            (.passed, ["lulus", "kompeten", "passed", "pass"]),
        ]
        var readings: [String: EnrollmentStanding] = [:]
        for (standing, spellings) in table {
            for spelling in spellings { readings[folded(spelling)] = standing }
        }
        return readings
    }()
}
