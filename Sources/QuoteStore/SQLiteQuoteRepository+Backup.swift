import GRDB

extension SQLiteQuoteRepository {
    /// Copies the whole database into a new file at `path` with SQLite's online backup API: a
    /// consistent copy while the service keeps issuing.
    public func backup(to path: String) throws {
        let destination = try DatabaseQueue(path: path)
        try writer.backup(to: destination)
    }
}
