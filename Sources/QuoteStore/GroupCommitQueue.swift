import Synchronization

/// The waiting room of group commit, for either store: issues that arrive while a transaction is
/// being written wait, then go into the next transaction together (up to `maxBatch`). Each caller
/// learns only its own outcome, and only after the commit that made it durable.
final class GroupCommitQueue: Sendable {
    typealias Outcome = Result<IssueResult, any Error>
    /// Writes one batch in one transaction and returns one outcome per issue, in order.
    typealias Commit = @Sendable ([PreparedIssue]) async -> [Outcome]

    private struct Job: Sendable {
        let issue: PreparedIssue
        let continuation: CheckedContinuation<Outcome, Never>
    }

    private struct State: Sendable {
        var pending: [Job] = []
        /// How many drain tasks run; each takes pending jobs until none are left.
        var draining = 0
    }

    private let state = Mutex(State())
    private let commit: Commit
    /// The most issues in one transaction (bounds the wait of the last one).
    let maxBatch: Int
    /// How many transactions may be written at once: 1 for SQLite's single writer; more for a
    /// server that writes several transactions in parallel.
    let writers: Int

    init(maxBatch: Int = 64, writers: Int = 1, commit: @escaping Commit) {
        self.maxBatch = maxBatch
        self.writers = writers
        self.commit = commit
    }

    /// Writes `issue` in the next transaction and returns its outcome once that has committed.
    func submit(_ issue: PreparedIssue) async -> Outcome {
        await withCheckedContinuation { continuation in
            let starts = state.withLock { state in
                state.pending.append(Job(issue: issue, continuation: continuation))
                guard state.draining < writers else { return false }
                state.draining += 1
                return true
            }
            if starts { Task { await self.drain() } }
        }
    }

    private func drain() async {
        while true {
            let batch: [Job] = state.withLock { state in
                guard !state.pending.isEmpty else {
                    state.draining -= 1
                    return []
                }
                let count = min(state.pending.count, maxBatch)
                defer { state.pending.removeFirst(count) }
                return Array(state.pending.prefix(count))
            }
            if batch.isEmpty { return }
            let outcomes = await commit(batch.map(\.issue))
            for (job, outcome) in zip(batch, outcomes) { job.continuation.resume(returning: outcome) }
        }
    }
}
