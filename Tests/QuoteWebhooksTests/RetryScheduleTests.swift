import Foundation
import QuoteFinance
import Testing

@testable import QuoteWebhooks

@Suite("Retry schedule")
struct RetryScheduleTests {
    static let now = Date(timeIntervalSince1970: 1_796_604_800)  // 2026-12-07T00:53:20Z

    func decide(
        _ result: AttemptResult, attempt: Int, failingSince: Date? = nil,
        schedule: RetrySchedule = RetrySchedule(jitter: 0),
        generator: UInt64 = 0
    ) -> RetryDecision {
        var fixed = FixedGenerator(value: generator)
        return schedule.decision(
            after: result, attempt: attempt, now: Self.now, failingSince: failingSince, using: &fixed)
    }

    @Test("without jitter: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then failed after the 8th attempt")
    func delays() {
        let waits = (1...7).map { attempt -> TimeInterval? in
            guard case .retry(let at) = decide(.answered(status: 500, retryAfter: nil), attempt: attempt)
            else { return nil }
            return at.timeIntervalSince(Self.now)
        }
        #expect(waits == [5, 300, 1800, 7200, 18000, 36000, 36000])
        #expect(decide(.answered(status: 500, retryAfter: nil), attempt: 8) == .failed)
        #expect(decide(.transportError("timeout"), attempt: 8) == .failed)
    }

    @Test("jitter moves a delay by at most ±10 %, drawn from the injected generator")
    func jitter() {
        var seeded = SplitMix64(seed: 42)
        for attempt in 1...7 {
            let base = RetrySchedule.standardDelays[attempt - 1]
            let decision = RetrySchedule().decision(
                after: .answered(status: 502, retryAfter: nil), attempt: attempt, now: Self.now,
                failingSince: nil,
                using: &seeded)
            guard case .retry(let at) = decision else { Issue.record("\(decision)"); continue }
            #expect((base * 0.9...base * 1.1).contains(at.timeIntervalSince(Self.now)))
        }
    }

    @Test("2xx succeeds, 3xx and 4xx retry, 410 disables the endpoint")
    func statuses() {
        #expect(decide(.answered(status: 204, retryAfter: nil), attempt: 1) == .succeeded)
        #expect(decide(.answered(status: 299, retryAfter: nil), attempt: 8) == .succeeded)
        #expect(
            decide(.answered(status: 301, retryAfter: nil), attempt: 1)
                == .retry(at: Self.now.addingTimeInterval(5)))
        #expect(
            decide(.answered(status: 400, retryAfter: nil), attempt: 1)
                == .retry(at: Self.now.addingTimeInterval(5)))
        #expect(decide(.answered(status: 410, retryAfter: nil), attempt: 1) == .disableEndpoint(.gone))
    }

    @Test("Retry-After on 429 and 503: seconds or an HTTP date, capped at one hour; ignored on 500")
    func retryAfter() {
        #expect(
            decide(.answered(status: 429, retryAfter: "120"), attempt: 1)
                == .retry(at: Self.now.addingTimeInterval(120)))
        #expect(
            decide(.answered(status: 503, retryAfter: "86400"), attempt: 5)
                == .retry(at: Self.now.addingTimeInterval(3600)))
        let date = "Mon, 07 Dec 2026 01:03:20 GMT"  // now + 10 min
        #expect(
            decide(.answered(status: 503, retryAfter: date), attempt: 1)
                == .retry(at: Self.now.addingTimeInterval(600)))
        #expect(
            decide(.answered(status: 500, retryAfter: "120"), attempt: 1)
                == .retry(at: Self.now.addingTimeInterval(5)))
        #expect(
            decide(.answered(status: 429, retryAfter: "soon"), attempt: 1)
                == .retry(at: Self.now.addingTimeInterval(5)))
        #expect(decide(.answered(status: 429, retryAfter: "120"), attempt: 8) == .failed)
    }

    @Test(
        "Retry-After forms",
        arguments: [
            ("0", 0.0), (" 7 ", 7), ("Mon, 07 Dec 2026 00:54:20 GMT", 60),
            ("Monday, 07-Dec-26 00:54:20 GMT", 60),
            ("Mon Dec  7 00:54:20 2026", 60), ("Sun, 06 Dec 2026 00:00:00 GMT", 0),
        ])
    func retryAfterForms(header: String, seconds: Double) {
        #expect(RetryAfter.delay(header, now: Self.now) == seconds)
    }

    @Test("after three days of failures the endpoint is disabled; a success never disables it")
    func threeDays() {
        let since = Self.now.addingTimeInterval(-3 * 86400)
        #expect(
            decide(.transportError("timeout"), attempt: 2, failingSince: since)
                == .disableEndpoint(.failingThreeDays))
        let notYet = since.addingTimeInterval(1)
        #expect(
            decide(.transportError("timeout"), attempt: 2, failingSince: notYet)
                == .retry(at: Self.now.addingTimeInterval(300)))
        #expect(
            decide(.answered(status: 200, retryAfter: nil), attempt: 2, failingSince: since) == .succeeded)
    }
}
