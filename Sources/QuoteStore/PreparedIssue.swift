import Foundation
import QuoteCore

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
}

/// A quote's compact JSON without its number. `QuoteEncoder` writes `number` first, so the JSON of
/// the unnumbered quote is `{"number":null` followed by the rest; giving it a number replaces
/// that opening. Should the encoder ever write another opening, the quote is encoded again
/// instead, so the result is always exactly `QuoteEncoder.encode` of the numbered quote.
struct UnnumberedQuoteJSON: Sendable {
    static let opening = Array(#"{"number":null"#.utf8)
    private let quote: Quote
    /// The bytes after the opening, or nil when the encoder wrote another opening.
    private let rest: [UInt8]?

    init(_ quote: Quote) {
        var unnumbered = quote
        unnumbered.number = nil
        self.quote = unnumbered
        let bytes = QuoteEncoder.bytes(unnumbered, pretty: false)
        rest = bytes.starts(with: Self.opening) ? Array(bytes[Self.opening.count...]) : nil
    }

    /// The compact JSON of the quote numbered `number`.
    func numbered(_ number: String) -> String {
        guard let rest else {
            var numbered = quote
            numbered.number = number
            return QuoteEncoder.encode(numbered, pretty: false)
        }
        var out = Array(#"{"number":"#.utf8)
        out.reserveCapacity(out.count + number.utf8.count + 2 + rest.count)
        JSONWriter.writeString(number, into: &out)
        out.append(contentsOf: rest)
        return String(decoding: out, as: UTF8.self)
    }
}
