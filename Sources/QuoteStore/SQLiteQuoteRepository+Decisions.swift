import Foundation
import GRDB
import QuoteCore

extension SQLiteQuoteRepository {
    public func decide(_ request: DecisionRequest) async throws -> DecisionResult {
        try await writer.write { db in
            guard let record = try Self.fetchRecord(db, number: request.number) else {
                throw StoreError.notFound
            }
            if let existing = record.decision {
                guard existing.decision == request.decision else {
                    throw StoreError.alreadyDecided(existing.decision)
                }
                return .unchanged(existing)
            }
            try db.execute(
                sql: """
                    INSERT INTO decisions (quote_number, decision, decided_at, decided_by, final_json)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    request.number, request.decision.rawValue, request.at.timeIntervalSince1970,
                    request.decidedBy,
                    request.finalJSON,
                ])
            return .recorded(
                DecisionRecord(
                    decision: request.decision, decidedAt: request.at, decidedBy: request.decidedBy,
                    finalJSON: request.finalJSON))
        }
    }
}
