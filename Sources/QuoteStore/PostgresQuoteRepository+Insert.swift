import Foundation
import Logging
import PostgresNIO
import QuoteCore
import QuoteWebhooks

extension PostgresQuoteRepository {
    /// Writes one prepared issue inside the batch's transaction (the SQL of
    /// ``SQLiteQuoteRepository/insert(_:_:)`` in PostgreSQL's words). Refusals come before the
    /// first write and are thrown as ``RefusedBeforeWriting``.
    static func insert(_ connection: PostgresConnection, _ issue: PreparedIssue, logger: Logger) async throws
        -> IssueResult
    {
        let request = issue.request
        let used = try await checkBeforeWriting(connection, issue, logger: logger)
        // Nothing is written above this line.
        let market = issue.quote.market.rawValue
        let year = issue.quote.issueDate.year
        let rows = try await connection.query(
            """
            INSERT INTO quote_counters (market, year, last) VALUES (\(market), \(year), 1)
            ON CONFLICT (market, year) DO UPDATE SET last = quote_counters.last + 1
            RETURNING last
            """, logger: logger)
        var sequence: Int?
        for try await last in rows.decode(Int.self) { sequence = last }
        guard let sequence else { throw StoreError.contention }
        let number = StoreNaming.number(market: market, year: year, sequence: sequence)
        let now = request.now.timeIntervalSince1970
        if let old = request.supersedes { try await release(connection, old, logger: logger) }
        let search = SearchColumns(number: number, serviceCase: issue.serviceCase)
        var record = QuoteRecord(issue, number: number, search: search, now: now)
        try await insertQuote(connection, record, issue, search: search, now: now, logger: logger)
        try await ReportFactColumns(ReportFacts(number: number, quote: issue.quote, model: search.model))
            .insert(connection, logger: logger)
        if let old = request.supersedes {
            try await connection.query(
                "INSERT INTO revisions (old_number, new_number, created_at) VALUES (\(old), \(number), \(now))",
                logger: logger)
            record.supersedes = old
            try await WebhookOutbox.enqueue(
                connection, numbers: [old], type: .revised, at: request.now, logger: logger)
        }
        try await recordIssueEvents(connection, request, record, logger: logger)
        try await WebhookOutbox.enqueue(
            connection, numbers: [number], type: .issued, at: request.now, logger: logger)
        try await recordBenefits(connection, issue, number: number, used: used, now: now, logger: logger)
        return .issued(IssuedQuote(record: record, customerToken: issue.customerToken))
    }

    /// The new quote's `issued` event, and the revised quote's `superseded` one (its lock is
    /// among the batch's keys, ``lockKeys(_:)``).
    static func recordIssueEvents(
        _ connection: PostgresConnection, _ request: IssueRequest, _ record: QuoteRecord, logger: Logger
    ) async throws {
        try await insertEvents(connection, [EventDrafts.issuedEvent(request, record)], logger: logger)
        if let old = request.supersedes {
            try await appendEvent(
                connection, old, EventDrafts.superseded(request, by: record.number), logger: logger)
        }
    }

    /// The refusals of an issue, before it writes (``IssueSteps``): an idempotency key used
    /// before, a quote that may not be revised, a ledger that changed. Returns the ledger's
    /// benefits of the device, when the issue reads it.
    static func checkBeforeWriting(_ connection: PostgresConnection, _ issue: PreparedIssue, logger: Logger)
        async throws -> [RuleID: String]
    {
        let request = issue.request
        if let key = request.idempotencyKey {
            let rows = try await connection.query(
                "SELECT request_hash, quote_number FROM idempotency_keys WHERE key = \(key)", logger: logger)
            for try await (hash, number) in rows.decode((String, String).self) {
                throw RefusedBeforeWriting(
                    reason: IssueSteps.idempotencyVerdict(storedHash: hash, number: number, request: request))
            }
        }
        if let old = request.supersedes {
            let record = try await fetchRecord(connection, number: old, logger: logger)
            try IssueSteps.checkRevisable(record, market: issue.quote.market)
        }
        guard issue.readsLedger else { return [:] }
        let keys = issue.serviceCase.device.benefitKeys
        return try IssueSteps.checkLedger(
            try await ledger(connection, deviceKeys: keys, logger: logger), issue)
    }

    /// The quote's row, its customer token and its idempotency key, in one statement.
    static func insertQuote(
        _ connection: PostgresConnection, _ record: QuoteRecord, _ issue: PreparedIssue,
        search: SearchColumns,
        now: Double, logger: Logger
    ) async throws {
        let request = issue.request
        try await connection.query(
            """
            WITH q AS (
                INSERT INTO quotes (number, market, year, kind, coverage_status, issue_date, valid_until, issuer,
                    case_json, quote_json, price_list_version, created_at, reference, model, search_text,
                    consumer_total)
                VALUES (\(record.number), \(record.market.rawValue), \(record.year), \(record.kind.rawValue),
                    \(record.coverageStatus.rawValue), \(record.issueDate.description),
                    \(record.validUntil.description), \(record.issuer), \(record.caseJSON), \(record.quoteJSON),
                    \(record.priceListVersion), \(now), \(search.reference), \(search.model), \(search.text),
                    \(ConsumerTotal.text(issue.quote)))
                RETURNING number),
            t AS (INSERT INTO customer_tokens (token_hash, quote_number) SELECT \(issue.tokenHash), number FROM q)
            INSERT INTO idempotency_keys (key, request_hash, quote_number, created_at)
            SELECT \(request.idempotencyKey)::text, \(request.requestHash), number, \(now) FROM q
            WHERE \(request.idempotencyKey)::text IS NOT NULL
            """, logger: logger)
    }

    /// The ledger rows of an issue: every identifier the case gives, for each benefit it grants
    /// (the UNIQUE (benefit, device_key) is the last guard against a benefit granted twice); and
    /// a case naming two identifiers links them (see the SQLite store).
    static func recordBenefits(
        _ connection: PostgresConnection, _ issue: PreparedIssue, number: String, used: [RuleID: String],
        now: Double, logger: Logger
    ) async throws {
        let deviceKeys = issue.serviceCase.device.benefitKeys
        let granted = issue.quote.coverage.benefitsGranted.map(\.rawValue)
        if !granted.isEmpty {
            try await connection.query(
                """
                INSERT INTO benefit_ledger (benefit, device_key, quote_number, created_at)
                SELECT b, k, \(number), \(now) FROM unnest(\(granted)::text[]) AS b, unnest(\(deviceKeys)::text[]) AS k
                """, logger: logger)
        }
        guard !used.isEmpty else { return }
        let benefits = used.keys.sorted().map(\.rawValue)
        let quotes = used.keys.sorted().map { used[$0] ?? "" }
        try await connection.query(
            """
            INSERT INTO benefit_ledger (benefit, device_key, quote_number, created_at)
            SELECT u.b, k, u.q, \(now) FROM unnest(\(benefits)::text[], \(quotes)::text[]) AS u(b, q),
                unnest(\(deviceKeys)::text[]) AS k
            ON CONFLICT (benefit, device_key) DO NOTHING
            """, logger: logger)
    }
}
