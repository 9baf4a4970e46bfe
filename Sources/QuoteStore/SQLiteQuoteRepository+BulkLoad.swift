import GRDB

extension SQLiteQuoteRepository {
    /// For `bench store` only: commits stop waiting for the disk (`synchronous = OFF`) on this
    /// connection, until it is closed. The rows are the same; a power cut during the fill may lose
    /// it. Decisions and voids are one transaction each (the group commit batches issues only),
    /// and each waited for its sync: 1,000 quotes took 184 s here under load, 30 s of it CPU.
    public func loadInBulk() async throws {
        try await writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
    }
}
