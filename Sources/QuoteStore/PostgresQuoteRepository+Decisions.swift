import Foundation
import PostgresNIO
import QuoteCore

extension PostgresQuoteRepository {
    /// Records a decision. `ON CONFLICT DO NOTHING` makes the first decision win, whichever
    /// instance records it; the loser reads it back and answers unchanged or already decided.
    public func decide(_ request: DecisionRequest) async throws -> DecisionResult {
        try await withConnection { connection in
            guard let record = try await Self.fetchRecord(connection, number: request.number, logger: self.logger)
            else { throw StoreError.notFound }
            if let existing = record.decision { return try Self.again(existing, request) }
            let at = request.at.timeIntervalSince1970
            let inserted = try await connection.query(
                """
                INSERT INTO decisions (quote_number, decision, decided_at, decided_by, final_json)
                VALUES (\(request.number), \(request.decision.rawValue), \(at), \(request.decidedBy), \(request.finalJSON))
                ON CONFLICT (quote_number) DO NOTHING RETURNING quote_number
                """, logger: self.logger
            ).collect()
            if inserted.isEmpty {
                let winner = try await Self.fetchRecord(connection, number: request.number, logger: self.logger)
                guard let existing = winner?.decision else { throw StoreError.contention }
                return try Self.again(existing, request)
            }
            return .recorded(
                DecisionRecord(
                    decision: request.decision, decidedAt: request.at, decidedBy: request.decidedBy,
                    finalJSON: request.finalJSON))
        }
    }

    /// The answer to a decision on a quote already decided as `existing`.
    static func again(_ existing: DecisionRecord, _ request: DecisionRequest) throws -> DecisionResult {
        guard existing.decision == request.decision else { throw StoreError.alreadyDecided(existing.decision) }
        return .unchanged(existing)
    }
}
