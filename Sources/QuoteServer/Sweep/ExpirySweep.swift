import Foundation
import Logging
import QuoteCore
import QuoteStore
import ServiceLifecycle

/// Records `expired` once for every undecided quote past its `validUntil` in its market's time
/// zone (``ServerServices/today``), with its `quote.expired` webhook, and queues each undecided
/// quote's one reminder e-mail `reminderDaysBeforeExpiry` days before (``remindOnce()``), with its
/// `reminded` event and `quote.reminded` webhook (issue #28). Any number of instances may sweep at
/// once: the store records an expiry or a reminder once (a primary key, and on PostgreSQL the
/// quote's advisory lock), so a second instance's attempt is a no-op.
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
            do { try await remindOnce() } catch {
                services.logger.error("reminder sweep failed", metadata: ["error": "\(error)"])
            }
            // The wait ends at a graceful shutdown: SIGTERM must not wait out the interval.
            let interval = interval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// Records the expiries due now; returns how many were recorded. Candidates are read up to
    /// the day after today in UTC (no time zone is a day ahead of it), with their market and
    /// `validUntil`, a page at a time by row id; each is judged on its own market's today.
    @discardableResult
    public func sweepOnce() async throws -> Int {
        let now = services.webhooks.now()
        let latest = services.today(MarketCode("")).adding(days: 1)
        var recorded = 0
        var cursor: Int64 = 0
        while true {
            let page = try await repo.expiryCandidates(
                validUntilBefore: latest, after: cursor, limit: batchSize)
            guard let last = page.last else { break }
            cursor = last.id
            for candidate in page where candidate.validUntil < services.today(candidate.market) {
                if try await repo.recordExpiry(number: candidate.number, at: now) { recorded += 1 }
            }
        }
        return recorded
    }
}
