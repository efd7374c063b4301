import Testing

@testable import MusterCore

@Suite struct EnrollmentStandingTests {
    @Test(
        arguments: [
            // The three statuses exports and recap sheets write, in any case, spaces around.
            ("lulus", .passed), ("LULUS", .passed), ("Lulus", .passed), ("lUlUs", .passed), ("  lulus  ", .passed), ("\tLULUS\n", .passed),
            ("\u{00A0}Lulus\u{00A0}", .passed),
            ("hadir", .attended), ("HADIR", .attended), ("Hadir", .attended), (" hadir", .attended),
            ("terdaftar", .registered), ("TERDAFTAR", .registered), ("Terdaftar ", .registered),
            // The English words.
            ("passed", .passed), ("Passed", .passed), ("PASS", .passed), ("attended", .attended), ("Present", .attended),
            ("registered", .registered), ("REGISTERED", .registered), ("enrolled", .registered),
            // Other Indonesian ones: certification speak, and absences an attendance sheet notes.
            ("Kompeten", .passed), ("absen", .absent), ("Izin", .absent), ("SAKIT", .absent), ("alpa", .absent),
            // Negatives are readings of their own, never passed or attended.
            ("tidak lulus", .failed), ("TIDAK LULUS", .failed), ("Tidak  Lulus", .failed), ("tidak-lulus", .failed), ("Tidak_Lulus", .failed),
            ("tdk lulus", .failed), ("belum lulus", .failed), ("Gagal", .failed), ("belum kompeten", .failed), ("failed", .failed),
            ("not passed", .failed),
            ("tidak hadir", .absent), ("TIDAK HADIR", .absent), (" Tidak Hadir ", .absent), ("tdk hadir", .absent), ("absent", .absent),
            ("not attended", .absent),
        ] as [(String, EnrollmentStanding)])
    func readsAKnownStatusAndKeepsItRaw(raw: String, standing: EnrollmentStanding) {
        #expect(EnrollmentStanding(reading: raw) == standing)
        let enrollment = Enrollment(status: raw)
        #expect(enrollment.standing == standing)
    }

    @Test(arguments: ["???", "", "   ", "-", "lulus?", "lulusan", "tidak", "lulus hadir", "l u l u s", "sudah", "v", "✓", "1"])
    func anythingElseReadsAsNothingAndStaysRaw(raw: String) {
        #expect(EnrollmentStanding(reading: raw) == nil)
        let enrollment = Enrollment(status: raw)
        #expect(enrollment.standing == nil)
    }

    @Test func noStatusHasNoReading() {
        #expect(Enrollment(programme: "WUIB").standing == nil)
    }

    @Test func aStatusChangedLaterIsReadAgain() {
        var enrollment = Enrollment(status: "hadir")
        enrollment.status = "LULUS"
        #expect(enrollment.standing == .passed)
    }

    @Test func theRegistryWordsAreTheReadingsOwnNames() {
        #expect(EnrollmentStanding.allCases.map(\.rawValue) == ["registered", "absent", "attended", "failed", "passed"])
        for standing in EnrollmentStanding.allCases { #expect(EnrollmentStanding(reading: standing.rawValue) == standing) }
    }
}
