import Foundation
import QuoteCore

@testable import QuoteStore

extension QuoteRecord {
    /// A record from the texts its row stores (a fixture; an invalid text stops the test).
    init(
        number: String, market: String, year: Int, kind: String, coverageStatus: String, issueDate: String,
        validUntil: String, issuer: String, caseJSON: String, quoteJSON: String, priceListVersion: String,
        createdAt: Date, decision: DecisionRecord?
    ) {
        guard let kindValue = CaseKind(rawValue: kind), let status = CoverageStatus(rawValue: coverageStatus),
            let issued = CivilDate(issueDate), let valid = CivilDate(validUntil)
        else { preconditionFailure("not a stored row: \(kind) \(coverageStatus) \(issueDate) \(validUntil)") }
        self.init(
            number: number, market: MarketCode(market), year: year, kind: kindValue, coverageStatus: status,
            issueDate: issued, validUntil: valid, issuer: issuer, caseJSON: caseJSON, quoteJSON: quoteJSON,
            priceListVersion: priceListVersion, createdAt: createdAt, decision: decision, reference: nil)
    }
}
