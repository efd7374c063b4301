internal import MusterCore

/// The record's enrollments: a status nobody can read is an issue on the record, never a rejection.
extension NormalizeStage {
    /// Raises `enrollment.status-unknown` for each enrollment whose status is given but is
    /// not one ``EnrollmentStanding`` reads (`???`, a remark in a `Keterangan` column). The
    /// status stays raw on the enrollment and its reading nil; an empty status or a
    /// placeholder (`-`) is no status and raises nothing. The issue's field names the
    /// enrollment (`enrollments[1].status`), as a record may have several.
    func checkEnrollments(_ enrollments: [Enrollment], into work: inout Work) {
        for (index, enrollment) in enrollments.enumerated() {
            guard let status = enrollment.status, enrollment.standing == nil, !isPlaceholder(TextNormalizer.clean(status)) else { continue }
            work.out.issues.append(
                FieldIssue(
                    code: "enrollment.status-unknown", field: "enrollments[\(index)].status", raw: status,
                    message: "not a known training status (lulus, hadir, terdaftar, tidak lulus, tidak hadir …)"))
        }
    }
}
