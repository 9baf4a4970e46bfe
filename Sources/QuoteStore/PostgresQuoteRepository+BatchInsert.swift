import Foundation
import Logging
import PostgresNIO
import QuoteCore
import QuoteWebhooks

extension PostgresQuoteRepository {
    /// Whether ``insertBatch(_:_:logger:)`` may write `batch`: no issue revises a quote, reads or
    /// writes the benefit ledger, or repeats another's idempotency key. Such batches (nearly all)
    /// need no decision per issue between its writes.
    static func isPlain(_ batch: [PreparedIssue]) -> Bool {
        var keys = Set<String>()
        for issue in batch {
            if issue.request.supersedes != nil { return false }
            // No ledger read, and so no benefit granted to a known device either.
            if issue.readsLedger { return false }
            if let key = issue.request.idempotencyKey, !keys.insert(key).inserted { return false }
        }
        return true
    }

    /// Writes a plain batch (``isPlain(_:)``) in a fixed number of statements, whatever its size:
    /// one read of its idempotency keys, one counter update per market and year, and one insert
    /// each into quotes, customer tokens and idempotency keys. Issue by issue, the same batch took
    /// three round trips each while the counter row stayed locked, which capped issuing near one
    /// transaction's worth of issues per commit. Runs inside the batch's transaction; outcomes as
    /// ``insert(_:_:logger:)`` gives them, in the batch's order.
    static func insertBatch(_ connection: PostgresConnection, _ batch: [PreparedIssue], logger: Logger)
        async throws -> [GroupCommitQueue.Outcome]
    {
        var outcomes = [GroupCommitQueue.Outcome](
            repeating: .failure(StoreError.contention), count: batch.count)
        // Keys used before: the same body is a replay, another body a refusal. Nothing written.
        let known = try await knownKeys(connection, batch, logger: logger)
        var writing: [Int] = []
        for (index, issue) in batch.enumerated() {
            if let key = issue.request.idempotencyKey, let first = known[key] {
                outcomes[index] = .failure(
                    IssueSteps.idempotencyVerdict(
                        storedHash: first.hash, number: first.number, request: issue.request))
            } else {
                writing.append(index)
            }
        }
        guard !writing.isEmpty else { return outcomes }
        let numbers = try await takeNumbers(connection, batch, writing, logger: logger)
        var rows = BatchRows()
        for index in writing {
            guard let number = numbers[index] else { throw StoreError.contention }
            let record = rows.append(batch[index], number: number)
            outcomes[index] = .success(
                .issued(IssuedQuote(record: record, customerToken: batch[index].customerToken)))
        }
        try await rows.insert(
            connection, now: batch[writing[0]].request.now.timeIntervalSince1970, logger: logger)
        return outcomes
    }

    /// The batch's idempotency keys already stored, with their request hash and quote.
    static func knownKeys(_ connection: PostgresConnection, _ batch: [PreparedIssue], logger: Logger)
        async throws -> [String: (hash: String, number: String)]
    {
        let keys = batch.compactMap(\.request.idempotencyKey)
        var known: [String: (hash: String, number: String)] = [:]
        guard !keys.isEmpty else { return known }
        let rows = try await connection.query(
            "SELECT key, request_hash, quote_number FROM idempotency_keys WHERE key = ANY(\(keys)::text[])",
            logger: logger)
        for try await (key, hash, number) in rows.decode((String, String, String).self) {
            known[key] = (hash, number)
        }
        return known
    }

    /// Numbers for the issues at `writing`: one counter update per market and year, taken in that
    /// order (as the issue-by-issue path does), each handing out a run of numbers in the batch's
    /// order.
    static func takeNumbers(
        _ connection: PostgresConnection, _ batch: [PreparedIssue], _ writing: [Int], logger: Logger
    ) async throws -> [Int: String] {
        var groups: [String: [Int]] = [:]
        for index in writing {
            let quote = batch[index].quote
            groups["\(quote.market.rawValue) \(quote.issueDate.year)", default: []].append(index)
        }
        var numbers: [Int: String] = [:]
        for group in groups.keys.sorted() {
            guard let members = groups[group], let first = members.first else { continue }
            let market = batch[first].quote.market.rawValue
            let year = batch[first].quote.issueDate.year
            let count = members.count
            let rows = try await connection.query(
                """
                INSERT INTO quote_counters (market, year, last) VALUES (\(market), \(year), \(count))
                ON CONFLICT (market, year) DO UPDATE SET last = quote_counters.last + \(count)
                RETURNING last
                """, logger: logger)
            var last: Int?
            for try await value in rows.decode(Int.self) { last = value }
            guard let last else { throw StoreError.contention }
            for (offset, index) in members.enumerated() {
                numbers[index] = StoreNaming.number(
                    market: market, year: year, sequence: last - count + 1 + offset)
            }
        }
        return numbers
    }

    /// The rows a plain batch writes, column by column, and the three statements that write them.
    struct BatchRows {
        var quotes = QuoteColumns()
        var tokens: (hashes: [String], numbers: [String]) = ([], [])
        var idempotency: (keys: [String], hashes: [String], numbers: [String]) = ([], [], [])
        var events: [QuoteEvent] = []
        var reports = ReportFactColumns()

        /// Adds an issue's rows under its number; returns its record.
        mutating func append(_ issue: PreparedIssue, number: String) -> QuoteRecord {
            let now = issue.request.now.timeIntervalSince1970
            let search = SearchColumns(number: number, serviceCase: issue.serviceCase)
            let record = QuoteRecord(issue, number: number, search: search, now: now)
            quotes.append(record, search: search, now: now)
            events.append(EventDrafts.issuedEvent(issue.request, record))
            reports.append(ReportFacts(number: number, quote: issue.quote, model: search.model))
            tokens.hashes.append(issue.tokenHash)
            tokens.numbers.append(number)
            if let key = issue.request.idempotencyKey {
                idempotency.keys.append(key)
                idempotency.hashes.append(issue.request.requestHash)
                idempotency.numbers.append(number)
            }
            return record
        }

        /// Writes the rows; `now` dates the idempotency keys.
        func insert(_ connection: PostgresConnection, now: Double, logger: Logger) async throws {
            let q = quotes
            try await connection.query(
                """
                INSERT INTO quotes (number, market, year, kind, coverage_status, issue_date, valid_until, issuer,
                    case_json, quote_json, price_list_version, created_at, reference, model, search_text,
                    consumer_total)
                SELECT number, market, year, kind, coverage_status, issue_date, valid_until, issuer,
                    case_json, quote_json, price_list_version, created_at, NULLIF(reference, ''), NULLIF(model, ''),
                    search_text, NULLIF(consumer_total, '')
                FROM unnest(\(q.number)::text[], \(q.market)::text[], \(q.year)::int[], \(q.kind)::text[],
                    \(q.coverageStatus)::text[], \(q.issueDate)::text[], \(q.validUntil)::text[], \(q.issuer)::text[],
                    \(q.caseJSON)::text[], \(q.quoteJSON)::text[], \(q.priceListVersion)::text[],
                    \(q.createdAt)::float8[], \(q.reference)::text[], \(q.model)::text[], \(q.searchText)::text[],
                    \(q.consumerTotal)::text[])
                    WITH ORDINALITY AS r(number, market, year, kind, coverage_status, issue_date, valid_until,
                        issuer, case_json, quote_json, price_list_version, created_at, reference, model, search_text,
                        consumer_total, n)
                ORDER BY n
                """, logger: logger)
            try await connection.query(
                """
                INSERT INTO customer_tokens (token_hash, quote_number)
                SELECT * FROM unnest(\(tokens.hashes)::text[], \(tokens.numbers)::text[])
                """, logger: logger)
            try await PostgresQuoteRepository.insertEvents(connection, events, logger: logger)
            try await reports.insert(connection, logger: logger)
            try await WebhookOutbox.enqueue(
                connection, numbers: quotes.number, type: .issued, at: Date(timeIntervalSince1970: now),
                logger: logger)
            guard !idempotency.keys.isEmpty else { return }
            try await connection.query(
                """
                INSERT INTO idempotency_keys (key, request_hash, quote_number, created_at)
                SELECT k, h, n, \(now) FROM unnest(\(idempotency.keys)::text[], \(idempotency.hashes)::text[],
                    \(idempotency.numbers)::text[]) AS i(k, h, n)
                """, logger: logger)
        }
    }

    /// The quotes table's columns of a batch, as arrays for `unnest`. A missing reference or
    /// model is an empty text (neither can be empty when present), written as NULL.
    struct QuoteColumns {
        var number: [String] = [], market: [String] = [], year: [Int] = [], kind: [String] = []
        var coverageStatus: [String] = [], issueDate: [String] = [], validUntil: [String] = []
        var issuer: [String] = [], caseJSON: [String] = [], quoteJSON: [String] = []
        var priceListVersion: [String] = [], createdAt: [Double] = [], reference: [String] = []
        var model: [String] = [], searchText: [String] = [], consumerTotal: [String] = []

        mutating func append(_ record: QuoteRecord, search: SearchColumns, now: Double) {
            number.append(record.number)
            market.append(record.market.rawValue)
            year.append(record.year)
            kind.append(record.kind.rawValue)
            coverageStatus.append(record.coverageStatus.rawValue)
            issueDate.append(record.issueDate.description)
            validUntil.append(record.validUntil.description)
            issuer.append(record.issuer)
            caseJSON.append(record.caseJSON)
            quoteJSON.append(record.quoteJSON)
            priceListVersion.append(record.priceListVersion)
            createdAt.append(now)
            reference.append(search.reference ?? "")
            model.append(search.model ?? "")
            searchText.append(search.text)
            consumerTotal.append(record.consumerTotal?.description ?? "")
        }
    }
}
