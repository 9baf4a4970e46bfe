import Foundation
import Logging
import PostgresNIO
import QuoteCore

extension PostgresQuoteRepository {
    /// Issues a quote (see ``QuoteRepository/issue(_:engine:)``), as ``SQLiteQuoteRepository``
    /// does: computed outside the transaction, checked again inside it, recomputed when another
    /// request (on this instance or another) granted one of its benefits meanwhile.
    public func issue(_ request: IssueRequest, engine: any QuoteComputing) async throws -> IssueResult {
        try await issue(
            request, engine: engine, submit: { try await queue.submit($0).get() },
            isLedgerConflict: Self.isLedgerConflict, replayed: replayed(number:))
    }

    /// A failure that computing again may cure: a deadlock or serialisation failure, or a
    /// violation of the ledger's UNIQUE (benefit, device_key) (another issue took the benefit).
    static func isLedgerConflict(_ error: any Error) -> Bool {
        guard let error = error as? PostgresStoreError else { return false }
        return error.isRetryable
            || (error.isUniqueViolation && error.constraint?.hasPrefix("benefit_ledger") == true)
    }

    /// The first response again, with a fresh customer token.
    func replayed(number: String) async throws -> IssueResult {
        let token = CustomerToken.generate()
        let hash = CustomerToken.hash(token)
        let record = try await withConnection { connection in
            try await connection.query(
                "INSERT INTO customer_tokens (token_hash, quote_number) VALUES (\(hash), \(number))",
                logger: self.logger)
            return try await Self.fetchRecord(connection, number: number, logger: self.logger)
        }
        guard let record else { throw StoreError.notFound }
        return .replayed(IssuedQuote(record: record, customerToken: token))
    }

    /// Writes a batch in one transaction, as ``IssueBatcher/commit(_:_:_:)`` does for SQLite: first
    /// without savepoints (refusals come before any write), and when an issue failed after it
    /// wrote, again with one savepoint per issue. A deadlock or serialisation failure of the whole
    /// transaction writes the batch again.
    ///
    /// A plain batch (``isPlain(_:)``) is first written in a fixed number of statements
    /// (``insertBatch(_:_:logger:)``); tests that inject a failing `write` take the issue-by-issue
    /// path.
    static func commit(
        _ client: PostgresClient, _ batch: [PreparedIssue], logger: Logger, write injected: Write? = nil
    ) async -> [GroupCommitQueue.Outcome] {
        let insert = injected ?? PostgresQuoteRepository.insert(_:_:logger:)
        var batched = injected == nil && isPlain(batch)
        var savepoints = false
        for _ in 0..<5 {
            do {
                return try await client.withConnection { connection in
                    try await write(
                        connection, batch, savepoints: savepoints, batched: batched, logger: logger, insert)
                }
            } catch is NeedsSavepoints where batched {
                // The batch as a whole failed: issue by issue, so that each failure is its own.
                batched = false
            } catch is NeedsSavepoints {
                savepoints = true
            } catch {
                let unwrapped = PostgresStoreError.unwrapping(error)
                if let store = unwrapped as? PostgresStoreError, store.isRetryable { continue }
                return batch.map { _ in .failure(unwrapped) }
            }
        }
        return batch.map { _ in .failure(StoreError.contention) }
    }

    struct NeedsSavepoints: Error {}

    /// Writes one issue in the batch's transaction (``insert(_:_:logger:)``; tests inject failures).
    typealias Write = @Sendable (PostgresConnection, PreparedIssue, Logger) async throws -> IssueResult

    /// The keys whose ledger rows and idempotency keys the batch reads and writes, locked first,
    /// in one order (`pg_advisory_xact_lock`), so that the reads in the transaction stay true
    /// until it commits, whichever instance writes next.
    static func lockKeys(_ batch: [PreparedIssue]) -> [String] {
        var keys = Set<String>()
        for issue in batch {
            if let key = issue.request.idempotencyKey { keys.insert("idempotency:" + key) }
            if let old = issue.request.supersedes { keys.insert(quoteLockKey(old)) }
            if issue.request.checksBenefits {
                for key in issue.serviceCase.device.benefitKeys { keys.insert("ledger:" + key) }
            }
        }
        return keys.sorted()
    }

    static func write(
        _ connection: PostgresConnection, _ batch: [PreparedIssue], savepoints: Bool, batched: Bool = false,
        logger: Logger, _ insert: Write
    ) async throws -> [GroupCommitQueue.Outcome] {
        try await connection.query("BEGIN", logger: logger)
        do {
            let keys = lockKeys(batch)
            if !keys.isEmpty {
                try await connection.query(
                    """
                    SELECT pg_advisory_xact_lock(hashtextextended(k, 0))
                    FROM (SELECT k FROM unnest(\(keys)::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n) AS s
                    """, logger: logger)
            }
            // Counter rows are locked in one order too: by market and year.
            let order = batch.indices.sorted {
                (batch[$0].quote.market.rawValue, batch[$0].quote.issueDate.year, $0)
                    < (batch[$1].quote.market.rawValue, batch[$1].quote.issueDate.year, $1)
            }
            if batched {
                let outcomes: [GroupCommitQueue.Outcome]
                do {
                    outcomes = try await insertBatch(connection, batch, logger: logger)
                } catch {
                    let unwrapped = PostgresStoreError.unwrapping(error)
                    if let store = unwrapped as? PostgresStoreError, store.isRetryable { throw unwrapped }
                    throw NeedsSavepoints()
                }
                try await connection.query("COMMIT", logger: logger)
                return outcomes
            }
            var outcomes = [GroupCommitQueue.Outcome](
                repeating: .failure(StoreError.contention), count: batch.count)
            for index in order {
                outcomes[index] = try await writeOne(
                    connection, batch[index], savepoint: savepoints, logger: logger, insert)
            }
            try await connection.query("COMMIT", logger: logger)
            return outcomes
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// One issue of a batch; with `savepoint`, in its own savepoint so that its failure is its own.
    static func writeOne(
        _ connection: PostgresConnection, _ issue: PreparedIssue, savepoint: Bool, logger: Logger,
        _ insert: Write
    ) async throws -> GroupCommitQueue.Outcome {
        if savepoint { try await connection.query("SAVEPOINT issue", logger: logger) }
        do {
            let result = try await insert(connection, issue, logger)
            if savepoint { try await connection.query("RELEASE SAVEPOINT issue", logger: logger) }
            return .success(result)
        } catch let refused as RefusedBeforeWriting {
            if savepoint { try await connection.query("RELEASE SAVEPOINT issue", logger: logger) }
            return .failure(refused.reason)
        } catch {
            guard savepoint else { throw NeedsSavepoints() }
            try await connection.query("ROLLBACK TO SAVEPOINT issue", logger: logger)
            try await connection.query("RELEASE SAVEPOINT issue", logger: logger)
            return .failure(PostgresStoreError.unwrapping(error))
        }
    }
}
