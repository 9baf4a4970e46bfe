import GRDB

/// Group commit for issues. Issues that arrive while a transaction is being written wait, then go
/// into the next transaction together: an issue that fails (an idempotency replay, a benefit taken
/// meanwhile, a bad row) fails alone, its number included, so numbering stays gap-free. Refusals
/// happen before an issue writes anything; for any other failure the batch is written again with
/// a savepoint per issue (see `batch`). Many issues share one commit and one sync to disk.
///
/// Each caller learns only its own outcome, and only after the commit that made it durable.
final class IssueBatcher: Sendable {
    typealias Outcome = Result<IssueResult, any Error>
    typealias Write = @Sendable (Database, PreparedIssue) throws -> IssueResult

    private let queue: GroupCommitQueue
    /// The most issues in one transaction (bounds the wait of the last one).
    var maxBatch: Int { queue.maxBatch }

    init(writer: any DatabaseWriter, maxBatch: Int = 64, write: @escaping Write) {
        queue = GroupCommitQueue(maxBatch: maxBatch) { issues in
            do {
                return try await writer.writeWithoutTransaction { db in try Self.commit(db, issues, write) }
            } catch {
                return issues.map { _ in .failure(error) }
            }
        }
    }

    /// Writes `issue` in the next transaction and returns its outcome once that has committed.
    func submit(_ issue: PreparedIssue) async -> Outcome { await queue.submit(issue) }

    /// Writes a batch in one transaction. First without savepoints: an issue refused before it
    /// wrote anything (``RefusedBeforeWriting``, checked against SQLite's change count) fails
    /// alone; any other error may have left part of an issue written, so that transaction is
    /// rolled back and the batch written again in a new one, with one savepoint per issue.
    /// Savepoints cost about 25 µs per issue (SQLite journals every page a savepoint changes
    /// again) and are needed only then. When SQLite itself aborted the transaction (disk full, an
    /// I/O error), the batch fails at once.
    static func commit(_ db: Database, _ batch: [PreparedIssue], _ write: Write) throws -> [Outcome] {
        struct NeedsSavepoints: Error {}
        do {
            return try transaction(db) {
                try batch.map { issue in
                    let changes = db.totalChangesCount
                    do {
                        return .success(try write(db, issue))
                    } catch let refused as RefusedBeforeWriting where db.totalChangesCount == changes {
                        return .failure(refused.reason)
                    } catch {
                        guard db.isInsideTransaction else { throw error }
                        throw NeedsSavepoints()
                    }
                }
            }
        } catch is NeedsSavepoints {
            return try transaction(db) { try batch.map { issue in try run(db, issue, write) } }
        }
    }

    private static func transaction<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        var value: T?
        try db.inTransaction {
            value = try SearchIndex.indexingNewQuotes(db, body)
            return .commit
        }
        // `inTransaction` returns only after running `body` to the end.
        guard let value else { throw StoreError.contention }
        return value
    }

    /// One issue in its own savepoint. Its failure is its outcome; but when SQLite has rolled back
    /// the whole transaction (disk full, I/O error), or the savepoint cannot be rolled back, the
    /// batch fails, so that no part of a failed issue is committed with the others. (The
    /// savepoint is handled here, not with GRDB's `inSavepoint`, which ignores a failed rollback.)
    private static func run(_ db: Database, _ issue: PreparedIssue, _ write: Write) throws -> Outcome {
        try db.execute(sql: "SAVEPOINT issue")
        do {
            let result = try write(db, issue)
            try db.execute(sql: "RELEASE SAVEPOINT issue")
            return .success(result)
        } catch {
            guard db.isInsideTransaction else { throw error }
            try db.execute(sql: "ROLLBACK TO SAVEPOINT issue")
            try db.execute(sql: "RELEASE SAVEPOINT issue")
            if let refused = error as? RefusedBeforeWriting { return .failure(refused.reason) }
            return .failure(error)
        }
    }
}

/// An issue refused before it wrote anything (an idempotency replay or conflict, a benefit taken
/// meanwhile): it fails alone, without rolling back the rest of its batch.
struct RefusedBeforeWriting: Error {
    let reason: any Error
}
