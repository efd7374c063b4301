import Testing

@testable import MusterStages

/// The calendar day normalize writes and validate reads.
@Suite struct DayTests {
    @Test func dayArithmeticRoundTrips() {
        var day = Day(year: 1900, month: 1, day: 1)
        var count = 0
        while let current = day, current.year < 2100 {
            #expect(Day(daysSinceEpoch: current.daysSinceEpoch) == current)
            day = Day(daysSinceEpoch: current.daysSinceEpoch + 1)
            count += 1
        }
        #expect(count == 73_049)
    }

    @Test func onlyDaysThatExist() {
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
        #expect(Day(year: 2000, month: 2, day: 29) != nil)
        #expect(Day(year: 2024, month: 4, day: 31) == nil)
        #expect(Day(year: 2024, month: 13, day: 1) == nil)
        #expect(Day(year: 2024, month: 1, day: 0) == nil)
        #expect(Day(year: 0, month: 1, day: 1) == nil)
        #expect(Day(year: 1850, month: 1, day: 1)?.iso == "1850-01-01")
        #expect(Day(daysSinceEpoch: 0)?.iso == "1970-01-01")
        #expect(Day(daysSinceEpoch: Day.epoch18991231)?.iso == "1899-12-31")
    }

    @Test func isoTextIsExact() {
        #expect(Day(iso: "2024-09-02") == Day(year: 2024, month: 9, day: 2))
        for text in ["2024-9-02", "2024-09-02T08:00", "02/09/2024", "2024-02-30", "2024-0a-02", ""] {
            #expect(Day(iso: text) == nil, "\(text)")
        }
    }

    @Test func writtenTextTakesISOAndDayFirstForms() {
        let day = Day(year: 2024, month: 9, day: 2)
        for text in ["2024-09-02", "2024-09-02T08:00:00+07:00", "02/09/2024", "2-9-2024", "02.09.2024", "2024/9/2"] {
            #expect(Day(written: text) == day, "\(text)")
        }
        for text in ["02/09/24", "2024-02-30", "September 2, 2024", "2024-09", "", "1/2/3"] {
            #expect(Day(written: text) == nil, "\(text)")
        }
    }

    @Test func wholeYearsCountTheBirthday() throws {
        let birth = try #require(Day(year: 1988, month: 5, day: 5))
        #expect(birth.years(until: try #require(Day(year: 2024, month: 5, day: 4))) == 35)
        #expect(birth.years(until: try #require(Day(year: 2024, month: 5, day: 5))) == 36)
        #expect(birth.years(until: try #require(Day(year: 1987, month: 5, day: 6))) == -1)
    }
}
