import Foundation
import GRDB
import QuoteCore
import QuoteWebhooks

extension SQLiteQuoteRepository {
    /// Issues a quote (see ``QuoteRepository/issue(_:engine:)``).
    ///
    /// The quote is computed outside the write transaction, with the benefits the ledger held at
    /// that moment. Inside the transaction the ledger is read again: when another request granted
    /// one of this quote's benefits meanwhile, the quote is recomputed with that benefit used. The
    /// ledger's UNIQUE (benefit, device_key) is the last guard: a conflict there also recomputes.
    public func issue(_ request: IssueRequest, engine: any QuoteComputing) async throws -> IssueResult {
        // The idempotency key is checked inside the write transaction (`insert`), so a retry costs
        // one round trip to the database, not two. The JSON and the customer token are made here,
        // concurrently; the single writer only runs SQL, for a whole batch of issues at a time.
        try await issue(
            request, engine: engine, submit: { try await batcher.submit($0).get() },
            isLedgerConflict: Self.isLedgerConflict, replayed: replayed(number:))
    }

    /// A violation of the ledger's UNIQUE (benefit, device_key): another issue took the benefit.
    static func isLedgerConflict(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError, error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
        else {
            return false
        }
        return error.message?.contains("benefit_ledger") == true
    }

    /// The first response again, with a fresh customer token (the first one's text is not kept).
    func replayed(number: String) async throws -> IssueResult {
        let token = CustomerToken.generate()
        let record = try await writer.write { db in
            try db.cachedStatement(
                sql: "INSERT INTO customer_tokens (token_hash, quote_number) VALUES (?, ?)"
            ).execute(arguments: [CustomerToken.hash(token), number])
            return try Self.fetchRecord(db, number: number)
        }
        guard let record else { throw StoreError.notFound }
        return .replayed(IssuedQuote(record: record, customerToken: token))
    }

    /// Writes one prepared issue inside the batch's transaction. Refusals come before the first
    /// write and are thrown as ``RefusedBeforeWriting``, so the issue needs no savepoint of its own.
    static func insert(_ db: Database, _ issue: PreparedIssue) throws -> IssueResult {
        let request = issue.request
        let used = try checkBeforeWriting(db, issue)
        // Nothing is written above this line (see ``IssueBatcher``).
        let number = try nextNumber(db, market: issue.quote.market.rawValue, year: issue.quote.issueDate.year)
        let now = request.now.timeIntervalSince1970
        if let old = request.supersedes { try release(db, old) }
        var record = try insertQuote(db, issue, number: number, now: now)
        if let old = request.supersedes {
            try db.cachedStatement(
                sql: "INSERT INTO revisions (old_number, new_number, created_at) VALUES (?, ?, ?)"
            ).execute(arguments: [old, number, now])
            record.supersedes = old
            try WebhookOutbox.enqueue(db, number: old, type: .revised, at: request.now)
        }
        try recordIssueEvents(db, request, record)
        try WebhookOutbox.enqueue(db, number: number, type: .issued, at: request.now)
        try recordBenefits(db, issue, number: number, used: used, now: now)
        if let key = request.idempotencyKey {
            try db.cachedStatement(
                sql:
                    "INSERT INTO idempotency_keys (key, request_hash, quote_number, created_at) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [key, request.requestHash, number, now])
        }
        try db.cachedStatement(sql: "INSERT INTO customer_tokens (token_hash, quote_number) VALUES (?, ?)")
            .execute(arguments: [issue.tokenHash, number])
        return .issued(IssuedQuote(record: record, customerToken: issue.customerToken))
    }

    /// The new quote's `issued` event, and the revised quote's `superseded` one.
    static func recordIssueEvents(_ db: Database, _ request: IssueRequest, _ record: QuoteRecord) throws {
        try insertEvent(db, EventDrafts.issuedEvent(request, record))
        if let old = request.supersedes {
            try appendEvent(db, old, EventDrafts.superseded(request, by: record.number))
        }
    }

    /// The refusals of an issue, before it writes (``IssueSteps``): an idempotency key used
    /// before, a quote that may not be revised, a ledger that changed. Returns the ledger's
    /// benefits of the device, when the issue reads it.
    static func checkBeforeWriting(_ db: Database, _ issue: PreparedIssue) throws -> [RuleID: String] {
        let request = issue.request
        if let key = request.idempotencyKey,
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT request_hash, quote_number FROM idempotency_keys WHERE key = ?"),
                arguments: [key])
        {
            throw RefusedBeforeWriting(
                reason: IssueSteps.idempotencyVerdict(
                    storedHash: row["request_hash"], number: row["quote_number"], request: request))
        }
        if let old = request.supersedes {
            try IssueSteps.checkRevisable(try fetchRecord(db, number: old), market: issue.quote.market)
        }
        guard issue.readsLedger else { return [:] }
        return try IssueSteps.checkLedger(
            try ledger(db, deviceKeys: issue.serviceCase.device.benefitKeys), issue)
    }

    /// The ledger rows of an issue. Every identifier the case gives is recorded, so a later case
    /// naming only one of them (or the same one typed otherwise) finds the benefit used. A case
    /// naming two identifiers links them: a benefit used under one is recorded under the other
    /// too, with the quote that granted it, so a later case naming either finds it.
    static func recordBenefits(
        _ db: Database, _ issue: PreparedIssue, number: String, used: [RuleID: String], now: Double
    ) throws {
        let deviceKeys = issue.serviceCase.device.benefitKeys
        for benefit in issue.quote.coverage.benefitsGranted {
            for deviceKey in deviceKeys {
                try db.cachedStatement(
                    sql:
                        "INSERT INTO benefit_ledger (benefit, device_key, quote_number, created_at) VALUES (?, ?, ?, ?)"
                ).execute(arguments: [benefit.rawValue, deviceKey, number, now])
            }
        }
        for (benefit, grantingQuote) in used.sorted(by: { $0.key < $1.key }) {
            for deviceKey in deviceKeys {
                try db.cachedStatement(
                    sql:
                        "INSERT OR IGNORE INTO benefit_ledger (benefit, device_key, quote_number, created_at) VALUES (?, ?, ?, ?)"
                ).execute(arguments: [benefit.rawValue, deviceKey, grantingQuote, now])
            }
        }
    }

    /// The next number of a market and year, from a counter row updated in the same transaction as
    /// the insert: gap-free, as a rolled-back transaction rolls the counter back too.
    static func nextNumber(_ db: Database, market: String, year: Int) throws -> String {
        let next = try Int.fetchOne(
            db.cachedStatement(
                sql: """
                    INSERT INTO quote_counters (market, year, last) VALUES (?, ?, 1)
                    ON CONFLICT (market, year) DO UPDATE SET last = last + 1
                    RETURNING last
                    """), arguments: [market, year])
        guard let next else { throw StoreError.contention }
        return StoreNaming.number(market: market, year: year, sequence: next)
    }

    /// Inserts the quote row and returns it as a record (built here, not read back).
    static func insertQuote(_ db: Database, _ issue: PreparedIssue, number: String, now: Double) throws
        -> QuoteRecord
    {
        let search = SearchColumns(number: number, serviceCase: issue.serviceCase)
        let record = QuoteRecord(issue, number: number, search: search, now: now)
        try db.cachedStatement(
            sql: """
                INSERT INTO quotes (number, market, year, kind, coverage_status, issue_date, valid_until, issuer,
                    case_json, quote_json, price_list_version, created_at, reference, model, search_text,
                    consumer_total)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            record.number, record.market.rawValue, record.year, record.kind.rawValue,
            record.coverageStatus.rawValue, record.issueDate.description, record.validUntil.description,
            record.issuer,
            record.caseJSON, record.quoteJSON, record.priceListVersion,
            now, search.reference, search.model, search.text, ConsumerTotal.text(issue.quote),
        ])
        try insertReportFacts(db, ReportFacts(number: number, quote: issue.quote, model: search.model))
        return record
    }
}
