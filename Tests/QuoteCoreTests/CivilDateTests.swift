import QuoteCore
import Testing

@Suite("Calendar dates and periods (G-4)")
struct CivilDateTests {
    @Test("periods end on the same date later, clamped to the month's end", arguments: [
        ("2024-01-31", Period.months(12), "2025-01-31"), ("2024-01-31", .months(1), "2024-02-29"),
        ("2023-01-31", .months(1), "2023-02-28"), ("2024-03-12", .days(15), "2024-03-27"),
        ("2024-02-29", .months(12), "2025-02-28"), ("2025-12-20", .days(14), "2026-01-03"), ("2024-08-31", .months(6), "2025-02-28"),
    ])
    func lastDay(start: String, period: Period, expected: String) {
        #expect(period.lastDay(from: CivilDate(start)!).description == expected)
    }

    @Test("only real dates of the form YYYY-MM-DD parse", arguments: ["2025-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "24-01-01", "2024-01-32", "2024/01/01", "２０２４-01-01"])
    func refuses(text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test("day numbers round-trip across four centuries")
    func dayNumbers() {
        var date = CivilDate("1900-01-01")!
        for _ in 0..<(365 * 400 / 7) {
            #expect(CivilDate(dayNumber: date.dayNumber) == date)
            date = date.adding(days: 7)
        }
        #expect(CivilDate("1970-01-01")!.dayNumber == 0)
        #expect(CivilDate("2024-02-28")!.adding(days: 1).description == "2024-02-29")
    }
}
