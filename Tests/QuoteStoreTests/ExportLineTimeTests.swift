import Foundation
import QuoteStore
import Testing

@Suite("export line: the decision time in the market's time zone")
struct ExportLineTimeTests {
    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test("22:30 UTC on 30 November is 23:30 in Amsterdam (+01:00); summer time is +02:00; New York −05:00")
    func localTimes() {
        let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!
        #expect(
            QuoteRecord.localTime(Self.utc("2026-11-30T22:30:00Z"), in: amsterdam)
                == "2026-11-30T23:30:00+01:00")
        #expect(
            QuoteRecord.localTime(Self.utc("2026-11-30T23:30:00Z"), in: amsterdam)
                == "2026-12-01T00:30:00+01:00")
        #expect(
            QuoteRecord.localTime(Self.utc("2026-07-01T12:00:05Z"), in: amsterdam)
                == "2026-07-01T14:00:05+02:00")
        let newYork = TimeZone(identifier: "America/New_York")!
        #expect(
            QuoteRecord.localTime(Self.utc("2026-12-01T03:00:00Z"), in: newYork)
                == "2026-11-30T22:00:00-05:00")
        let kolkata = TimeZone(identifier: "Asia/Kolkata")!
        #expect(
            QuoteRecord.localTime(Self.utc("2026-12-01T20:00:00Z"), in: kolkata)
                == "2026-12-02T01:30:00+05:30")
        #expect(
            QuoteRecord.localTime(Self.utc("1969-12-31T23:00:00Z"), in: TimeZone(identifier: "UTC")!)
                == "1969-12-31T23:00:00+00:00")
    }
}
