internal import MusterCore

/// The record's enrollments: the training batch they name, by code and by title; and a
/// status nobody can read, an issue on the record, never a rejection.
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

    /// The first enrollment's batch, by code and by title, for dedupe to join sources by.
    func identifySession(_ enrollments: [Enrollment], into work: inout Work) {
        guard let enrollment = enrollments.first else { return }
        if let code = (enrollment.session.flatMap(SessionIdentity.code)) ?? enrollment.programme.flatMap(SessionIdentity.code) {
            work.out.values[Field.sessionCode] = code
        }
        guard let title = enrollment.title, !title.isEmpty else { return }
        let fallback = work.kecamatanCode
        let key = sessionMemo.value(for: title + "\u{1}" + (fallback ?? "")) {
            SessionIdentity.key(title: title, kecamatan: kecamatanCode(named:), fallback: fallback)
        }
        if let key { work.out.values[Field.sessionKey] = key }
    }

    /// The code of the kecamatan a title's words name exactly or with a small typo.
    private func kecamatanCode(named text: String) -> String? {
        switch places.lookup(text, level: .kecamatan).match {
        case .exact(let place), .typo(let place): place.code
        default: nil
        }
    }
}
