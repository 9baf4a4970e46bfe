import Foundation
import GRDB
import QuoteCore

extension SQLiteQuoteRepository {
    /// Records a decision (see ``QuoteRepository/decide(_:)``): refused on a replaced or void
    /// quote; with `confirmTo`, the confirmation e-mail is queued in the same transaction.
    public func decide(_ request: DecisionRequest) async throws -> DecisionResult {
        let token = request.confirmTo == nil ? nil : CustomerToken.generate()
        return try await writer.write { db in
            guard let record = try Self.fetchRecord(db, number: request.number) else {
                throw StoreError.notFound
            }
            do {
                try QuoteLifecycle.checkDecision(
                    request.decision, state: record.state(today: request.today ?? CivilDate(dayNumber: 0)))
            } catch LifecycleError.alreadyDecided {
                throw StoreError.alreadyDecided(record.decision?.decision ?? request.decision)
            } catch let error as LifecycleError {
                throw StoreError.lifecycle(error)
            }
            if let existing = record.decision { return .unchanged(existing) }
            try db.execute(
                sql: """
                    INSERT INTO decisions (quote_number, decision, decided_at, decided_by, final_json, channel, note,
                        decided_by_role)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    request.number, request.decision.rawValue, request.at.timeIntervalSince1970,
                    request.decidedBy, request.finalJSON, request.channel, request.note, request.role,
                ])
            if let recipient = request.confirmTo, let token {
                _ = try Self.insertOutbox(
                    db,
                    EmailRequest(
                        number: request.number, recipient: recipient, language: request.language,
                        kind: .confirmation, now: request.at),
                    token: token)
            }
            return .recorded(
                DecisionRecord(
                    decision: request.decision, decidedAt: request.at, decidedBy: request.decidedBy,
                    finalJSON: request.finalJSON, role: request.role, channel: request.channel,
                    note: request.note))
        }
    }
}
