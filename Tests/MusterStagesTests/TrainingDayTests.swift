import MusterCore
import Testing

@testable import MusterStages

/// Training days as sheets and exports write them; a span starts on its first day.
@Suite struct TrainingDayTests {
    @Test(arguments: [
        ("02/09/2024", "2024-09-02"), ("2024-09-02T08:00:00+07:00", "2024-09-02"), ("7 Oktober 2024", "2024-10-07"),
        ("Senin, 7 Oktober 2024", "2024-10-07"), ("7 Okt 2024", "2024-10-07"), ("45572", "2024-10-07"), ("7-8 Oktober 2024", "2024-10-07"),
        ("7 – 8 Oktober 2024", "2024-10-07"), ("30-31/10/2024", "2024-10-30"), ("2-3 September 2024", "2024-09-02"),
        ("7-8/10/2024", "2024-10-07"), ("1-2/10/2024", "2024-10-01"), ("7 – 8/10/2024", "2024-10-07"), ("2024-10-07", "2024-10-07"),
        // Words before the date, however many, take no place among its parts.
        ("Hari Kedua, Senin, 7 Oktober 2024", "2024-10-07"), ("Aula Kantor Kelurahan Tebet Barat 7/10/2024", "2024-10-07"),
    ])
    func aWrittenTrainingDayIsRead(text: String, iso: String) {
        #expect(TrainingDay.read(text)?.iso == iso)
    }

    @Test(arguments: ["Hari 1", "", "Angkatan 2", "2024", "31/02/2024"])
    func textThatNamesNoDayIsNone(text: String) {
        #expect(TrainingDay.read(text) == nil)
    }

    @Test func anEnrollmentWithoutADateIsDatedByItsAttendanceDays() {
        let byDays = Enrollment(
            programme: "HALAL-CLD-03",
            attendance: [Attendance(day: "19/11/2024", mark: "v", present: true), Attendance(day: "18/11/2024", mark: "v", present: true)])
        #expect(TrainingDay.earliest(byDays)?.iso == "2024-11-18")
        let numbered = Enrollment(programme: "X", attendance: [Attendance(day: "Hari 1", mark: "v", present: true)])
        #expect(TrainingDay.earliest(numbered) == nil)
        var dated = byDays
        dated.date = "7-8 Oktober 2024"
        #expect(TrainingDay.earliest(dated)?.iso == "2024-10-07")
    }
}
