import Foundation
import GRDB
import QuoteCore
import QuoteWebhooks

extension SQLiteQuoteRepository {
    /// Records a decision (see ``QuoteRepository/decide(_:)``): refused on a replaced or void
    /// quote; with `confirmTo`, the confirmation e-mail is queued in the same transaction.
    public func decide(_ request: DecisionRequest) async throws -> DecisionResult {
        let token = request.confirmTo == nil ? nil : CustomerToken.generate()
        return try await writer.write { db in try Self.decide(db, request, token: token) }
    }

    /// Records a decision in the caller's transaction (`token`: the confirmation's link token).
    static func decide(_ db: Database, _ request: DecisionRequest, token: String?) throws -> DecisionResult {
        guard let record = try Self.fetchRecord(db, number: request.number) else {
            throw StoreError.notFound
        }
        if let repeated = try LifecycleSteps.checkDecision(request, on: record) { return repeated }
        try db.execute(
            sql: """
                INSERT INTO decisions (quote_number, decision, decided_at, decided_by, final_json, channel, note,
                    decided_by_role, decision_days, \(AcceptanceEvidence.columns.joined(separator: ", ")))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: StatementArguments(
                [
                    request.number, request.decision.rawValue, request.at.timeIntervalSince1970,
                    request.decidedBy, request.finalJSON, request.channel, request.note, request.role,
                    ReportSchema.decisionDays(
                        issued: record.issueDate, decidedAt: request.at, today: request.today),
                ] + Self.evidenceValues(request.evidence)))
        try Self.appendEvent(db, request.number, EventDrafts.decided(request))
        try WebhookOutbox.enqueue(db, number: request.number, type: .decided, at: request.at)
        if let email = LifecycleSteps.confirmation(request), let token {
            _ = try Self.insertOutbox(db, email, token: token)
        }
        return .recorded(DecisionRecord(request))
    }

    /// The evidence columns' values of a decision (NULL without evidence).
    static func evidenceValues(_ evidence: AcceptanceEvidence?) -> [(any DatabaseValueConvertible)?] {
        (evidence?.values ?? Array(repeating: nil, count: AcceptanceEvidence.columns.count)).map { $0 }
    }
}
