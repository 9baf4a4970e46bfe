import Foundation
import Logging
import PostgresNIO
import QuoteCore
import QuoteWebhooks

extension PostgresQuoteRepository {
    /// Records a decision (see ``QuoteRepository/decide(_:)``). The quote's advisory lock is taken
    /// first, so a decision, a revision or a void on another instance waits for this one and then
    /// sees it; with `confirmTo`, the confirmation e-mail is queued in the same transaction.
    public func decide(_ request: DecisionRequest) async throws -> DecisionResult {
        let token = request.confirmTo == nil ? nil : CustomerToken.generate()
        return try await transaction { connection in
            try await Self.decide(connection, request, token: token, logger: self.logger)
        }
    }

    /// Records a decision in the caller's transaction (`token`: the confirmation's link token).
    static func decide(
        _ connection: PostgresConnection, _ request: DecisionRequest, token: String?, logger: Logger
    ) async throws -> DecisionResult {
        let record = try await Self.lockedRecord(connection, request.number, logger: logger)
        if let repeated = try LifecycleSteps.checkDecision(request, on: record) { return repeated }
        let e = request.evidence
        let days = ReportSchema.decisionDays(
            issued: record.issueDate, decidedAt: request.at, today: request.today)
        try await connection.query(
            """
            INSERT INTO decisions (quote_number, decision, decided_at, decided_by, final_json, channel, note,
                decided_by_role, decision_days, \(unescaped: AcceptanceEvidence.columns.joined(separator: ", ")))
            VALUES (\(request.number), \(request.decision.rawValue), \(request.at.timeIntervalSince1970),
                \(request.decidedBy), \(request.finalJSON), \(request.channel), \(request.note), \(request.role),
                \(days), \(e?.name), \(e?.consentVersion), \(e?.consentLanguage), \(e?.ip), \(e?.userAgent),
                \(e?.documentSHA256))
            """, logger: logger)
        try await Self.appendEvent(connection, request.number, EventDrafts.decided(request), logger: logger)
        try await WebhookOutbox.enqueue(
            connection, numbers: [request.number], type: .decided, at: request.at, logger: logger)
        if let email = LifecycleSteps.confirmation(request), let token {
            _ = try await Self.insertOutbox(connection, email, token: token, logger: logger)
        }
        return .recorded(DecisionRecord(request))
    }
}
