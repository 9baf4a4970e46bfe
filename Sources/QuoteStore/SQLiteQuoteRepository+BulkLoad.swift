import GRDB
import QuoteCore

extension SQLiteQuoteRepository {
    /// For `bench store` only: commits stop waiting for the disk (`synchronous = OFF`) on this
    /// connection, until it is closed. The rows are the same; a power cut during the fill may lose
    /// it.
    public func loadInBulk() async throws {
        try await writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
    }

    /// Writes the whole batch in one transaction through the statements of `issue` (``insert(_:_:)``),
    /// `decide` and `void`: each quote is prepared with the ledger as the transaction reads it, so no
    /// issue is refused for a ledger that changed. One quote at a time through `issue`, `decide` and
    /// `void`, 1,000 quotes took 184 s (a transaction and a wait per decision and void, each issue
    /// read the ledger before joining the writer).
    public func load(_ batch: [BulkIssue], engine: any QuoteComputing) async throws {
        try await writer.write { db in
            try SearchIndex.indexingNewQuotes(db) { try Self.load(db, batch, engine: engine) }
        }
    }

    static func load(_ db: Database, _ batch: [BulkIssue], engine: any QuoteComputing) throws {
        for item in batch {
            guard case .issued(let issued)? = try insertPrepared(db, item.request, engine: engine) else {
                continue
            }
            switch try item.then(issued.record) {
            case .none: break
            case .decide(let request): _ = try decide(db, request, token: nil)
            case .void(let request): _ = try void(db, request)
            case .revise(var request):
                request.supersedes = issued.record.number
                _ = try insertPrepared(db, request, engine: engine)
            }
        }
    }

    /// Prepares an issue with the ledger as `db` holds it and writes it; nil when it is refused
    /// (an idempotency key used before).
    static func insertPrepared(_ db: Database, _ request: IssueRequest, engine: any QuoteComputing) throws
        -> IssueResult?
    {
        let keys = request.ledgerKeys
        let used = keys.isEmpty ? [:] : try ledger(db, deviceKeys: keys)
        do {
            return try insert(db, try PreparedIssue(request, used: used, engine: engine))
        } catch is RefusedBeforeWriting {
            return nil
        }
    }
}
