import Foundation
import QuoteCore

extension QuoteRecord {
    /// The record of a row of the quote query (the quote, its decision, revisions and void), typed
    /// once here for both stores. A value that does not convert throws a ``StoredRowError`` naming
    /// the quote.
    init(row: some ColumnReader) throws {
        let number = try row.string("number")
        var decision: DecisionRecord?
        if let raw = try row.optionalString("decision") {
            guard let value = Decision(rawValue: raw) else {
                throw StoredRowError(quote: number, column: "decision", value: raw)
            }
            decision = DecisionRecord(
                decision: value, decidedAt: try row.date("decided_at"),
                decidedBy: try row.string("decided_by"),
                finalJSON: try row.string("final_json"), role: try row.optionalString("decided_by_role"),
                channel: try row.optionalString("channel"), note: try row.optionalString("note"),
                evidence: try AcceptanceEvidence(row: row))
        }
        var voided: VoidRecord?
        if let reason = try row.optionalString("void_reason") {
            voided = VoidRecord(
                reason: reason, voidedAt: try row.date("voided_at"), voidedBy: try row.string("voided_by"))
        }
        self.init(
            number: number, market: MarketCode(try row.string("market")), year: Int(try row.integer("year")),
            kind: try row.typed("kind", quote: number, CaseKind.init(rawValue:)),
            coverageStatus: try row.typed("coverage_status", quote: number, CoverageStatus.init(rawValue:)),
            issueDate: try row.typed("issue_date", quote: number, CivilDate.init),
            validUntil: try row.typed("valid_until", quote: number, CivilDate.init),
            issuer: try row.string("issuer"), caseJSON: try row.string("case_json"),
            quoteJSON: try row.string("quote_json"), priceListVersion: try row.string("price_list_version"),
            createdAt: try row.date("created_at"), decision: decision,
            reference: try row.optionalString("reference"),
            model: try row.optionalString("model"), supersededBy: try row.optionalString("superseded_by"),
            supersedes: try row.optionalString("supersedes"), voided: voided,
            consumerTotal: try row.optionalString("consumer_total").map { text in
                guard let money = ConsumerTotal.money(text) else {
                    throw StoredRowError(quote: number, column: "consumer_total", value: text)
                }
                return money
            })
    }

    /// The record of a prepared issue under its number, as it is inserted (built, not read back).
    init(_ issue: PreparedIssue, number: String, search: SearchColumns, now: Double) {
        let quote = issue.quote
        self.init(
            number: number, market: quote.market, year: quote.issueDate.year, kind: issue.serviceCase.kind,
            coverageStatus: quote.coverage.status, issueDate: quote.issueDate, validUntil: quote.validUntil,
            issuer: issue.request.issuer, caseJSON: issue.caseJSON,
            quoteJSON: issue.quoteJSON.numbered(number),
            priceListVersion: quote.priceListVersion, createdAt: Date(timeIntervalSince1970: now),
            decision: nil, reference: search.reference, model: search.model,
            consumerTotal: quote.totals.consumer.gross)
    }
}

extension OutboxMessage {
    /// The message of an outbox row, for both stores; its Message-ID is derived from the row.
    init(row: some ColumnReader) throws {
        let id = try row.integer("id")
        let number = try row.string("quote_number")
        self.init(
            id: id, quoteNumber: number, recipient: try row.string("recipient"),
            language: try row.optionalString("language"),
            messageID: StoreNaming.messageID(id: id, number: number),
            customerToken: try row.optionalString("customer_token"),
            state: try row.typed("state", quote: number, State.init(rawValue:)),
            attempts: Int(try row.integer("attempts")), lastError: try row.optionalString("last_error"),
            queuedAt: try row.date("created_at"), sentAt: try row.optionalDate("sent_at"),
            kind: try row.typed("kind", quote: number, Kind.init(rawValue:)))
    }
}
