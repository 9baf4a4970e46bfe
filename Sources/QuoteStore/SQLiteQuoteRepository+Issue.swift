import Foundation
import GRDB
import QuoteCore

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
        for _ in 0..<8 {
            let prepared = try await prepare(request, engine: engine)
            do {
                return try await batcher.submit(prepared).get()
            } catch IssueRetry.ledgerChanged {
                continue
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                if error.message?.contains("benefit_ledger") == true { continue }
                throw error
            } catch IssueRetry.replay(let number) {
                return try await replayed(number: number)
            }
        }
        throw StoreError.contention
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
        let serviceCase = issue.serviceCase
        let computed = issue.quote
        if let key = request.idempotencyKey,
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT request_hash, quote_number FROM idempotency_keys WHERE key = ?"),
                arguments: [key])
        {
            guard (row["request_hash"] as String) == request.requestHash else {
                throw RefusedBeforeWriting(reason: StoreError.idempotencyKeyReused)
            }
            throw RefusedBeforeWriting(reason: IssueRetry.replay(row["quote_number"]))
        }
        if let old = request.supersedes { try checkRevisable(db, old, market: computed.market) }
        let deviceKeys = serviceCase.device.benefitKeys
        var used: [RuleID: String] = [:]
        if issue.readsLedger {
            used = try ledger(db, deviceKeys: deviceKeys).filter { $0.value != request.supersedes }
            if computed.coverage.benefitsGranted.contains(where: { used[$0] != nil }) {
                throw RefusedBeforeWriting(reason: IssueRetry.ledgerChanged)
            }
        }
        // Nothing is written above this line (see ``IssueBatcher``).
        let number = try nextNumber(db, market: computed.market.rawValue, year: computed.issueDate.year)
        let now = request.now.timeIntervalSince1970
        if let old = request.supersedes { try release(db, old) }
        var record = try insertQuote(db, issue, number: number, now: now)
        if let old = request.supersedes {
            try db.cachedStatement(
                sql: "INSERT INTO revisions (old_number, new_number, created_at) VALUES (?, ?, ?)"
            ).execute(arguments: [old, number, now])
            record.supersedes = old
        }
        // Every identifier the case gives is recorded, so a later case naming only one of them
        // (or the same one typed otherwise) finds the benefit used.
        for benefit in computed.coverage.benefitsGranted {
            for deviceKey in deviceKeys {
                try db.cachedStatement(
                    sql:
                        "INSERT INTO benefit_ledger (benefit, device_key, quote_number, created_at) VALUES (?, ?, ?, ?)"
                ).execute(arguments: [benefit.rawValue, deviceKey, number, now])
            }
        }
        // A case naming two identifiers links them: a benefit used under one is recorded under
        // the other too, with the quote that granted it, so a later case naming either finds it.
        for (benefit, grantingQuote) in used.sorted(by: { $0.key < $1.key }) {
            for deviceKey in deviceKeys {
                try db.cachedStatement(
                    sql:
                        "INSERT OR IGNORE INTO benefit_ledger (benefit, device_key, quote_number, created_at) VALUES (?, ?, ?, ?)"
                ).execute(arguments: [benefit.rawValue, deviceKey, grantingQuote, now])
            }
        }
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
                    case_json, quote_json, price_list_version, created_at, reference, model, search_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            record.number, record.market.rawValue, record.year, record.kind.rawValue,
            record.coverageStatus.rawValue, record.issueDate.description, record.validUntil.description, record.issuer, record.caseJSON, record.quoteJSON, record.priceListVersion,
            now, search.reference, search.model, search.text,
        ])
        return record
    }
}
