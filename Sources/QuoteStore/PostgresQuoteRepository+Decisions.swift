import Foundation
import PostgresNIO
import QuoteCore

extension PostgresQuoteRepository {
    /// Records a decision (see ``QuoteRepository/decide(_:)``). The quote's advisory lock is taken
    /// first, so a decision, a revision or a void on another instance waits for this one and then
    /// sees it; with `confirmTo`, the confirmation e-mail is queued in the same transaction.
    public func decide(_ request: DecisionRequest) async throws -> DecisionResult {
        let token = request.confirmTo == nil ? nil : CustomerToken.generate()
        return try await transaction { connection in
            let record = try await Self.lockedRecord(connection, request.number, logger: self.logger)
            do {
                try QuoteLifecycle.checkDecision(
                    request.decision, state: record.state(today: request.today ?? CivilDate(dayNumber: 0)))
            } catch LifecycleError.alreadyDecided {
                throw StoreError.alreadyDecided(record.decision?.decision ?? request.decision)
            } catch let error as LifecycleError {
                throw StoreError.lifecycle(error)
            }
            if let existing = record.decision { return .unchanged(existing) }
            try await connection.query(
                """
                INSERT INTO decisions (quote_number, decision, decided_at, decided_by, final_json, channel, note,
                    decided_by_role)
                VALUES (\(request.number), \(request.decision.rawValue), \(request.at.timeIntervalSince1970),
                    \(request.decidedBy), \(request.finalJSON), \(request.channel), \(request.note), \(request.role))
                """, logger: self.logger)
            if let recipient = request.confirmTo, let token {
                _ = try await Self.insertOutbox(
                    connection,
                    EmailRequest(
                        number: request.number, recipient: recipient, language: request.language,
                        kind: .confirmation, now: request.at),
                    token: token, logger: self.logger)
            }
            return .recorded(
                DecisionRecord(
                    decision: request.decision, decidedAt: request.at, decidedBy: request.decidedBy,
                    finalJSON: request.finalJSON, role: request.role, channel: request.channel,
                    note: request.note))
        }
    }
}
