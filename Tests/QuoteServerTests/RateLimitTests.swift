import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteServer
import QuoteTestSupport
import Synchronization
import Testing

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let time = Mutex<Duration>(.zero)
    var now: Duration { time.withLock { $0 } }
    func advance(_ by: Duration) { time.withLock { $0 += by } }
}

@Suite("issuing is limited per key")
struct RateLimitTests {
    @Test("2 a minute: the third issue is 429 with Retry-After 30 and writes nothing; 30 s later one more")
    func limited() async throws {
        let clock = ManualClock()
        var server = try TestServer()
        server.services.keys = APIKeys([
            "slow-key": Principal(name: "slow", role: .retailer, retailer: "R-300", issuesPerMinute: 2),
            Key.desk: Principal(name: "desk-1", role: .serviceCenter),
        ])
        server.services.issueLimiter = IssueRateLimiter(now: { clock.now })
        try await server.test { client in
            #expect(try await client.issue(Fixtures.dutchRepair(), key: "slow-key").status == .created)
            #expect(try await client.issue(Fixtures.dutchRepair(), key: "slow-key").status == .created)
            let refused = try await client.issue(Fixtures.dutchRepair(), key: "slow-key")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "30")
            #expect((refused.json["error"] as? String)?.contains("2 quotes a minute") == true)
            #expect(try await client.issue(Fixtures.dutchRepair(), key: Key.desk).status == .created)
            clock.advance(.seconds(29))
            #expect(
                try await client.issue(Fixtures.dutchRepair(), key: "slow-key").headers[.retryAfter] == "1")
            clock.advance(.seconds(1))
            let later = try await client.issue(Fixtures.dutchRepair(), key: "slow-key")
            #expect(later.status == .created && later.json["number"] as? String == "NL-2026-000004")
        }
    }
}
