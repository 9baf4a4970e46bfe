import Foundation
import QuoteCore

/// One quote of a bulk load (`repairquote bench store`) and what follows its issue: an answer, a
/// void or a revision, decided once the issued record (its number, its JSON) is known.
public struct BulkIssue: Sendable {
    /// What follows an issue in a bulk load.
    public enum FollowUp: Sendable {
        case none
        case decide(DecisionRequest)
        case void(VoidRequest)
        /// A revision: this request, with `supersedes` set to the issued quote's number.
        case revise(IssueRequest)
    }

    public var request: IssueRequest
    public var then: @Sendable (QuoteRecord) throws -> FollowUp

    public init(request: IssueRequest, then: @escaping @Sendable (QuoteRecord) throws -> FollowUp) {
        self.request = request
        self.then = then
    }
}

extension IssueRequest {
    /// The device keys whose ledger entries this issue reads (empty: it reads none).
    var ledgerKeys: [String] { checksBenefits ? serviceCase.device.benefitKeys : [] }
}

extension PreparedIssue {
    /// An issue prepared with the ledger's entries `used` for its device (those the revised quote
    /// granted are free again): the case with them, and its quote from `engine`, dated the issue day.
    convenience init(_ request: IssueRequest, used: [RuleID: String], engine: any QuoteComputing) throws {
        var serviceCase = request.serviceCase
        if !request.ledgerKeys.isEmpty {
            serviceCase.recordBenefitsUsed(used.filter { $0.value != request.supersedes })
        }
        var quote = try engine.quote(serviceCase)
        if let day = request.issuedOn { quote = quote.issued(on: day) }
        self.init(request: request, serviceCase: serviceCase, quote: quote)
    }
}
