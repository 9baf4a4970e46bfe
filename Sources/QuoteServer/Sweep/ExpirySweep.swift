import Foundation
import Logging
import QuoteCore
import QuoteStore
import ServiceLifecycle

/// Records `expired` once for every undecided quote past its `validUntil` in its market's time
/// zone (``ServerServices/today``), with its `quote.expired` webhook (issue #28). Any number of
/// instances may sweep at once: the store records an expiry once (a primary key, and on
/// PostgreSQL the quote's advisory lock), so a second instance's attempt is a no-op.
public struct ExpirySweep<Repository: QuoteRepository>: Service {
    let repo: Repository
    let services: ServerServices
    public var interval: Duration = .seconds(60)
    /// Most quotes looked at per store read.
    public var batchSize = 500

    public init(repo: Repository, services: ServerServices) {
        self.repo = repo
        self.services = services
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do { try await sweepOnce() } catch {
                services.logger.error("expiry sweep failed", metadata: ["error": "\(error)"])
            }
            // The wait ends at a graceful shutdown: SIGTERM must not wait out the interval.
            let interval = interval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// Records the expiries due now; returns how many were recorded. Candidates are read up to
    /// the day after today in UTC (no time zone is a day ahead of it), then each is checked in its
    /// own market's today.
    @discardableResult
    public func sweepOnce() async throws -> Int {
        let now = services.webhooks.now()
        let latest = services.today(MarketCode("")).adding(days: 1)
        var recorded = 0
        var seen = Set<String>()
        while true {
            let numbers = try await repo.expiryCandidates(validUntilBefore: latest, limit: batchSize)
                .filter { !seen.contains($0) }
            if numbers.isEmpty { break }
            for number in numbers {
                seen.insert(number)
                guard let record = try await repo.quote(number: number),
                    services.state(of: record) == .expired
                else { continue }
                if try await repo.recordExpiry(number: number, at: now) { recorded += 1 }
            }
        }
        return recorded
    }
}
