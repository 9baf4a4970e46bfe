import Foundation
import QuoteCore
import QuoteJSON

/// The parts of an issue that do not depend on the transaction: the case's JSON, the quote's JSON
/// with its number left open, and the customer token with its hash. They are made before the
/// issue joins the single writer, so that the serialised part of issuing is SQL only.
///
/// A class: the group commit moves issues between queues, and copying a reference is one retain,
/// where copying the case and the quote was dozens.
final class PreparedIssue: Sendable {
    let request: IssueRequest
    let serviceCase: ServiceCase
    let quote: Quote
    let caseJSON: String
    let quoteJSON: UnnumberedQuoteJSON
    let customerToken: String
    let tokenHash: String

    init(request: IssueRequest, serviceCase: ServiceCase, quote: Quote) {
        self.request = request
        self.serviceCase = serviceCase
        self.quote = quote
        caseJSON = CaseEncoder.encode(serviceCase, pretty: false)
        quoteJSON = UnnumberedQuoteJSON(quote)
        customerToken = CustomerToken.generate()
        tokenHash = CustomerToken.hash(customerToken)
    }

    /// Whether the issue reads the benefit ledger in its transaction: it grants a one-time benefit
    /// to a known device, or names two identifiers of one device that the ledger links.
    var readsLedger: Bool {
        let keys = serviceCase.device.benefitKeys
        return !keys.isEmpty && (!quote.coverage.benefitsGranted.isEmpty || keys.count > 1)
    }
}
