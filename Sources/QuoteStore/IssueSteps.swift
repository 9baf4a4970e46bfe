import Foundation
import QuoteCore

/// The steps of an issue that are not SQL, the same in both stores; each store runs them between
/// its own statements, in its own transaction. Refusals are thrown as ``RefusedBeforeWriting``.
enum IssueSteps {
    /// An idempotency key already stored: the same body is a replay of its quote, another body a
    /// refusal (``StoreError/idempotencyKeyReused``).
    static func idempotencyVerdict(storedHash: String, number: String, request: IssueRequest) -> any Error {
        storedHash == request.requestHash ? IssueRetry.replay(number) : StoreError.idempotencyKeyReused
    }

    /// May `old` (nil: not found) be revised by a quote in `market`? Not when it is unknown, in
    /// another market, decided, replaced or void; an expired quote may be revised.
    static func checkRevisable(_ old: QuoteRecord?, market: MarketCode) throws {
        guard let old else { throw RefusedBeforeWriting(reason: StoreError.notFound) }
        guard old.market == market else {
            throw RefusedBeforeWriting(
                reason: StoreError.lifecycle(.otherMarket(expected: old.market.rawValue)))
        }
        do {
            try QuoteLifecycle.checkRevision(state: old.state(today: CivilDate(dayNumber: 0)))
        } catch {
            throw RefusedBeforeWriting(reason: StoreError.lifecycle(error))
        }
    }

    /// The ledger as the transaction reads it, less what the revised quote granted (free again for
    /// its revision). When another issue granted one of this quote's benefits since it was
    /// computed, the attempt stops (``IssueRetry/ledgerChanged``) and is computed again.
    static func checkLedger(_ ledger: [RuleID: String], _ issue: PreparedIssue) throws -> [RuleID: String] {
        let used = ledger.filter { $0.value != issue.request.supersedes }
        if issue.quote.coverage.benefitsGranted.contains(where: { used[$0] != nil }) {
            throw RefusedBeforeWriting(reason: IssueRetry.ledgerChanged)
        }
        return used
    }
}

/// The steps of a decision and a void that are not SQL.
enum LifecycleSteps {
    /// Checks a decision against the quote's state: nil when it is to be recorded, the earlier
    /// record when it repeats it; a different decision or a state that refuses one throws the
    /// ``StoreError`` callers map.
    static func checkDecision(_ request: DecisionRequest, on record: QuoteRecord) throws -> DecisionResult? {
        do {
            try QuoteLifecycle.checkDecision(
                request.decision, state: record.state(today: request.today ?? CivilDate(dayNumber: 0)))
        } catch {
            if case .alreadyDecided = error {
                throw StoreError.alreadyDecided(record.decision?.decision ?? request.decision)
            }
            throw StoreError.lifecycle(error)
        }
        return record.decision.map(DecisionResult.unchanged)
    }

    /// Checks that the quote may be withdrawn on the request's day.
    static func checkVoid(_ request: VoidRequest, on record: QuoteRecord) throws {
        do {
            try QuoteLifecycle.checkVoid(state: record.state(today: request.today))
        } catch {
            throw StoreError.lifecycle(error)
        }
    }

    /// The confirmation e-mail a decision queues in its transaction, when it names a recipient.
    static func confirmation(_ request: DecisionRequest) -> EmailRequest? {
        request.confirmTo.map {
            EmailRequest(
                number: request.number, recipient: $0, language: request.language, kind: .confirmation,
                now: request.at)
        }
    }
}

extension DecisionRecord {
    /// The record of a decision as requested (built, not read back).
    init(_ request: DecisionRequest) {
        self.init(
            decision: request.decision, decidedAt: request.at, decidedBy: request.decidedBy,
            finalJSON: request.finalJSON, role: request.role, channel: request.channel, note: request.note,
            evidence: request.evidence)
    }
}
