import GRDB
import Synchronization

/// Group commit for issues. Issues that arrive while a transaction is being written wait, then go
/// into the next transaction together, each inside its own savepoint: an issue that fails (an
/// idempotency replay, a benefit taken meanwhile, a bad row) rolls back only itself, its number
/// included, so numbering stays gap-free. Many issues share one commit and one sync to disk.
///
/// Each caller learns only its own outcome, and only after the commit that made it durable.
final class IssueBatcher: Sendable {
    typealias Outcome = Result<IssueResult, any Error>
    typealias Write = @Sendable (Database, PreparedIssue) throws -> IssueResult

    private struct Job: Sendable {
        let issue: PreparedIssue
        let continuation: CheckedContinuation<Outcome, Never>
    }

    private struct State: Sendable {
        var pending: [Job] = []
        /// Whether a drain task is running; it takes every pending job before it stops.
        var draining = false
    }

    private let state = Mutex(State())
    private let writer: any DatabaseWriter
    private let write: Write
    /// The most issues in one transaction (bounds the wait of the last one).
    let maxBatch: Int

    init(writer: any DatabaseWriter, maxBatch: Int = 64, write: @escaping Write) {
        self.writer = writer
        self.maxBatch = maxBatch
        self.write = write
    }

    /// Writes `issue` in the next transaction and returns its outcome once that has committed.
    func submit(_ issue: PreparedIssue) async -> Outcome {
        await withCheckedContinuation { continuation in
            let starts = state.withLock { state in
                state.pending.append(Job(issue: issue, continuation: continuation))
                guard !state.draining else { return false }
                state.draining = true
                return true
            }
            if starts { Task { await self.drain() } }
        }
    }

    private func drain() async {
        while true {
            let batch: [Job] = state.withLock { state in
                guard !state.pending.isEmpty else {
                    state.draining = false
                    return []
                }
                let count = min(state.pending.count, maxBatch)
                defer { state.pending.removeFirst(count) }
                return Array(state.pending.prefix(count))
            }
            if batch.isEmpty { return }
            let outcomes: [Outcome]
            do {
                let write = self.write
                outcomes = try await writer.write { db in
                    try batch.map { job in try Self.run(db, job.issue, write) }
                }
            } catch {
                outcomes = batch.map { _ in .failure(error) }
            }
            for (job, outcome) in zip(batch, outcomes) { job.continuation.resume(returning: outcome) }
        }
    }

    /// One issue in its own savepoint. Its failure is its outcome; but when SQLite has rolled back
    /// the whole transaction (disk full, I/O error), the batch fails, so that no later issue of it
    /// is committed on its own while this one is reported lost.
    private static func run(_ db: Database, _ issue: PreparedIssue, _ write: Write) throws -> Outcome {
        var result: IssueResult?
        do {
            try db.inSavepoint {
                result = try write(db, issue)
                return .commit
            }
        } catch {
            guard db.isInsideTransaction else { throw error }
            return .failure(error)
        }
        guard let result else { return .failure(StoreError.contention) }
        return .success(result)
    }
}
