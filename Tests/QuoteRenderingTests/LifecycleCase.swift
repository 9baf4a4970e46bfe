import Foundation
import QuoteCore
import QuoteRendering
import Testing

/// A decided document or a customer-link page, rendered for a snapshot in
/// `Snapshots/lifecycle/<name>.<lang>.<txt|html>`.
struct LifecycleCase: CustomTestStringConvertible, Sendable {
    enum Kind: Sendable {
        case document(DocumentFormat, DocumentDecision)
        case page(CustomerPageKind)
    }

    let name: String
    let fixture: String
    let language: String
    let kind: Kind

    var fileName: String {
        let infix = if case .document(let format, _) = kind { format.fileInfix } else { "html" }
        return "lifecycle/\(name).\(language).\(infix)"
    }
    var testDescription: String { fileName }
    var quoteFixture: QuoteFixture { QuoteFixture.all.first { $0.name == fixture }! }
    var isHTML: Bool { fileName.hasSuffix(".html") }

    func render(reference: Bool = false) throws -> String {
        let fixture = quoteFixture
        switch kind {
        case .document(let format, let decision):
            return try Support.renderer.render(
                fixture.quote, case: fixture.serviceCase, format: format, language: language,
                marketLanguage: fixture.marketLanguage, decision: decision)
        case .page(let page):
            let known = page != .unknownLink
            return try Support.renderer.customerPage(
                page, quote: known ? fixture.quote : nil, case: known ? fixture.serviceCase : nil,
                language: language, marketLanguage: fixture.marketLanguage)
        }
    }

    static let byPhone = DocumentDecision(
        decision: .accepted, decidedOn: QuoteFixture.date("2026-03-04"), channel: "phone")
    static let rejectedByLink = DocumentDecision(
        decision: .rejected, decidedOn: QuoteFixture.date("2026-03-05"), channel: "customer-link")

    /// Decided documents: accepted and rejected, both formats, in every language.
    static let documents: [LifecycleCase] = ["en", "nl", "fr", "es", "zh-Hant"].flatMap { language in
        [("accepted", byPhone), ("rejected", rejectedByLink)].flatMap { name, decision in
            DocumentFormat.allCases.map {
                LifecycleCase(
                    name: "nl-out-of-warranty-\(name)", fixture: "nl-out-of-warranty", language: language,
                    kind: .document($0, decision))
            }
        }
    }

    /// Every page kind, in every language.
    static let pageKinds: [(String, CustomerPageKind)] = [
        ("quote", .quote(decision: nil)), ("quote-decided", .quote(decision: byPhone)),
        ("confirmation-accepted", .confirmation(byPhone)),
        ("confirmation-rejected", .confirmation(rejectedByLink)),
        ("expired", .expired(on: QuoteFixture.date("2026-03-16"))),
        ("superseded", .superseded(by: nil)), ("superseded-by", .superseded(by: "NL-2026-000124")),
        ("void", .void), ("unknown-link", .unknownLink), ("bad-answer", .badAnswer),
        ("already-answered", .alreadyAnswered(rejectedByLink)),
    ]

    /// The refused answers: from another site, too large, not a form, not recorded.
    static let refusalKinds: [(String, CustomerPageKind)] = CustomerRefusal.allCases.map {
        ("refused-\($0.code)", .refused($0))
    }

    static let pages: [LifecycleCase] = ["en", "nl", "fr", "es", "zh-Hant"].flatMap { language in
        (pageKinds + refusalKinds).map { name, kind in
            LifecycleCase(
                name: "page-\(name)", fixture: "nl-out-of-warranty", language: language, kind: .page(kind))
        }
    }

    static let all = documents + pages
}
