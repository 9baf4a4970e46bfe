import Foundation
import QuoteCore

/// Where issued quotes live: numbering, idempotent issuing, the one-time-benefit ledger (G-10),
/// customer decisions, the e-mail outbox and the console's sessions (``ExpiringValueStore``). SQLite is the embedded default; a PostgreSQL
/// implementation can conform later.
///
/// Every method is safe to call concurrently. Issued cases and quotes are immutable: a decision is
/// recorded beside the quote, once.
public protocol QuoteRepository: ExpiringValueStore, WebhookRepository {
    /// Issues a quote: reads the device's used benefits into `case.history`, computes it with
    /// `engine` (dated ``IssueRequest/issuedOn``), then assigns the next number
    /// `<MARKET>-<YYYY>-<NNNNNN>` and stores the quote, the benefits it grants, a customer token and
    /// the idempotency key in one transaction. When the ledger changed before that transaction, the
    /// quote is computed again with it. Throws ``StoreError/idempotencyKeyReused`` when the key was
    /// used with another body, and the engine's `ValidationError` for bad input.
    func issue(_ request: IssueRequest, engine: any QuoteComputing) async throws -> IssueResult

    /// The quote with this number, or nil.
    func quote(number: String) async throws -> QuoteRecord?

    /// The quote a customer token opens, or nil.
    func quote(customerToken: String) async throws -> QuoteRecord?

    /// One page of quotes, oldest first.
    func list(_ query: QuoteQuery) async throws -> QuotePage

    /// Records the final decision and its charges. A second, different decision throws
    /// ``StoreError/alreadyDecided(_:)``; the same decision again returns the first record.
    func decide(_ request: DecisionRequest) async throws -> DecisionResult

    /// Withdraws an undecided quote: state `void`, its one-time benefits released, its queued
    /// e-mails cancelled. Throws ``StoreError/lifecycle(_:)`` when it is decided, replaced or void.
    func void(_ request: VoidRequest) async throws -> QuoteRecord

    /// The benefits already granted to a device known by any of `deviceKeys`
    /// (``QuoteCore/ServiceCase/Device/benefitKeys``), with the quote that granted each.
    func benefitsUsed(deviceKeys: [String]) async throws -> [RuleID: String]

    /// A fresh customer link token for a stored quote, returned once (only its hash is kept). Links
    /// made earlier keep working. Throws ``StoreError/notFound`` for an unknown number.
    func addCustomerToken(number: String, by actor: EventActor?) async throws -> String

    /// Adds an e-mail of a quote to the outbox, with a fresh customer link token.
    func enqueueEmail(_ request: EmailRequest) async throws -> OutboxMessage

    /// Claims up to `limit` due outbox messages for `lease`; a claim that is not marked sent or
    /// failed before its lease ends is claimed again (after a crash, say).
    func claimOutbox(limit: Int, now: Date, lease: TimeInterval) async throws -> [OutboxMessage]

    /// Marks a claimed message sent; its customer link is erased.
    func markSent(outboxID: Int64, at: Date) async throws

    /// Records a failed attempt: retried at `retryAt`, or given up when nil.
    func markFailed(outboxID: Int64, error: String, retryAt: Date?) async throws

    /// One outbox message, for inspection.
    func outboxMessage(id: Int64) async throws -> OutboxMessage?

    /// The outbox messages of a quote, oldest first (pending, sent and failed).
    func outbox(quoteNumber: String) async throws -> [OutboxMessage]

    /// The history of a quote, oldest first (empty for an unknown number).
    func events(number: String) async throws -> [QuoteEvent]

    /// Appends one event to a quote's history in its own transaction (the expiry sweep's
    /// `expired`, say); the changes of this protocol record their own events in their
    /// transactions. Throws ``StoreError/notFound`` for an unknown number.
    func appendEvent(number: String, _ draft: EventDraft) async throws -> QuoteEvent

    /// Counts one opening of the customer link (`via`: `page`, `pdf`, `html`); the first one is
    /// also a `viewed` event. Returns the count so far.
    func recordView(number: String, via: String, at: Date, client: EventClient?) async throws -> Int

    /// Up to `limit` events of every quote, by quote number (byte order) and sequence, after
    /// `after` (nil: from the first): `export --events`.
    func events(after: EventCursor?, limit: Int) async throws -> [QuoteEvent]

    /// Walks every quote's chain (``ChainVerifier``): the count checked and the first fault.
    func verifyChains() async throws -> ChainVerification

    /// One page of the finance export: the JSON lines (`{"case", "quote", "record"}`, see
    /// ``QuoteRecord/exportLine(today:zone:)``) of up to `limit` quotes after `after`, in market and
    /// number order (byte order, through an index), with the key of the last. `zones` gives a
    /// market's time zone for its decision times (UTC when missing). The input of `check`, `export`,
    /// `reprice` and `reconcile` with `--db`, read a page at a time so memory stays flat.
    func exportPage(after: ExportKey?, today: CivilDate, zones: [String: TimeZone], limit: Int) async throws
        -> ExportPage

    /// The rows of one of the finance reports' aggregate queries (``ReportStatement``); the
    /// reports themselves are read through `conversionReport(_:)` and its siblings.
    func aggregate(_ statement: ReportStatement) async throws -> [[ReportStatement.Cell]]

    /// Writes a batch of quotes and what follows each (``BulkIssue``) with the same rows, ledger,
    /// events and counters as `issue`, `decide` and `void`, for `bench store`. A quote whose issue is
    /// refused (an idempotency key used before) is skipped with its follow-up.
    func load(_ batch: [BulkIssue], engine: any QuoteComputing) async throws
}

extension QuoteRepository {
    /// A fresh customer link token, made by the service itself.
    public func addCustomerToken(number: String) async throws -> String {
        try await addCustomerToken(number: number, by: nil)
    }
}

extension QuoteRepository {
    /// The case with the device's used benefits from the ledger added to its history, when
    /// `checksBenefits`; the one way both preview and issue learn what a device already had.
    /// A revision passes the quote it replaces as `releasing`: what that quote granted is free
    /// again for the revision.
    public func withLedger(_ serviceCase: ServiceCase, checksBenefits: Bool, releasing: String? = nil)
        async throws -> ServiceCase
    {
        let keys = serviceCase.device.benefitKeys
        guard checksBenefits, !keys.isEmpty else { return serviceCase }
        var enriched = serviceCase
        let used = try await benefitsUsed(deviceKeys: keys).filter { $0.value != releasing }
        enriched.recordBenefitsUsed(used)
        return enriched
    }

    /// One attempt of an issue, before it joins the single writer: the case with the ledger as it
    /// stands now, its quote from `engine` dated the issue day, and their JSON.
    func prepare(_ request: IssueRequest, engine: any QuoteComputing) async throws -> PreparedIssue {
        let keys = request.ledgerKeys
        return try PreparedIssue(
            request, used: keys.isEmpty ? [:] : try await benefitsUsed(deviceKeys: keys), engine: engine)
    }
}

/// Failures of the store that callers map to HTTP statuses.
public enum StoreError: Error, Equatable, Sendable {
    /// The idempotency key was first used with another request body (422).
    case idempotencyKeyReused
    /// No quote has this number (404).
    case notFound
    /// The quote was already decided otherwise (409).
    case alreadyDecided(Decision)
    /// The quote's state does not allow the change (409), or a revision changes market (422).
    case lifecycle(LifecycleError)
    /// The benefit ledger kept changing under concurrent issues; try again (503).
    case contention
}
