import Logging
import PostgresNIO
import QuoteCore

extension PostgresQuoteRepository {
    /// Writes the whole batch in one transaction through the statements of `issue`
    /// (``insert(_:_:logger:)``), `decide` and `void`, each quote prepared with the ledger as the
    /// transaction reads it: one commit (and one wait for the disk) per batch, not per quote and
    /// per answer.
    public func load(_ batch: [BulkIssue], engine: any QuoteComputing) async throws {
        try await transaction { connection in
            for item in batch {
                guard
                    case .issued(let issued)? = try await Self.insertPrepared(
                        connection, item.request, engine: engine, logger: self.logger)
                else { continue }
                switch try item.then(issued.record) {
                case .none: break
                case .decide(let request):
                    _ = try await Self.decide(connection, request, token: nil, logger: self.logger)
                case .void(let request): _ = try await Self.void(connection, request, logger: self.logger)
                case .revise(var request):
                    request.supersedes = issued.record.number
                    _ = try await Self.insertPrepared(
                        connection, request, engine: engine, logger: self.logger)
                }
            }
        }
    }

    /// Prepares an issue with the ledger as the transaction reads it and writes it; nil when it is
    /// refused (an idempotency key used before).
    static func insertPrepared(
        _ connection: PostgresConnection, _ request: IssueRequest, engine: any QuoteComputing, logger: Logger
    ) async throws -> IssueResult? {
        let keys = request.ledgerKeys
        let used = keys.isEmpty ? [:] : try await ledger(connection, deviceKeys: keys, logger: logger)
        do {
            return try await insert(
                connection, try PreparedIssue(request, used: used, engine: engine), logger: logger)
        } catch is RefusedBeforeWriting {
            return nil
        }
    }
}
