import Foundation
import QuoteCore
import QuotePDF
import QuoteRendering

/// Quote documents from the editable templates (`QuoteRendering`). The language falls back as the
/// CLI's does for a customer's language: the one asked for (or the customer's), else its base
/// language (`nl-BE` → `nl`), else the market's. A language without label files (`de`) is never
/// an error here: the document, the customer page and the e-mail are all shown in the fallback.
public struct TemplateDocumentRenderer: QuoteDocumentRendering {
    let renderer: QuoteRenderer
    let catalog: PriceListCatalog
    /// PDF documents (`.pdf`), laid out from the same view model; nil: `.pdf` answers 406.
    let pdf: QuotePDFRenderer?

    public init(renderer: QuoteRenderer, catalog: PriceListCatalog, pdf: QuotePDFRenderer? = nil) {
        self.renderer = renderer
        self.catalog = catalog
        self.pdf = pdf
    }

    public func render(quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?)
        throws
        -> String
    {
        try render(quote: quote, case: serviceCase, format: format, language: language, decision: nil)
    }

    /// The document, decided when `decision` is set.
    public func render(
        quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?,
        decision: DocumentDecision?
    ) throws -> String {
        try render(
            quote: quote, case: serviceCase, format: format, language: language, decision: decision,
            customerLink: nil)
    }

    /// The document with the customer's Accept/Reject link on top when `customerLink` is set (the
    /// quote e-mail), decided when `decision` is set; with the reminder's sentence above the link
    /// when `reminder` is true (the reminder e-mail).
    public func render(
        quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?,
        decision: DocumentDecision?, customerLink: String?, reminder: Bool = false
    ) throws -> String {
        try renderer.render(
            quote, case: serviceCase, format: format,
            language: try resolved(language ?? serviceCase.customer.language, quote: quote),
            marketLanguage: catalog.language(of: quote), decision: decision, customerLink: customerLink,
            reminder: reminder)
    }

    /// A customer-link page in the customer's language; when no quote is known, in the first of
    /// `languages` with label files (`zh-TW` → `zh-Hant`, `nl-BE` → `nl`), else English.
    /// The quote page links its PDF (`pdfLink`) as "Download PDF (print)" when PDFs are made.
    public func customerPage(
        _ kind: CustomerPageKind, quote: Quote?, case serviceCase: ServiceCase?, languages: [String] = [],
        pdfLink: String? = nil, answer: AnswerFormState = AnswerFormState()
    ) throws -> String {
        guard let quote, let serviceCase else {
            let reader = languages.first { renderer.catalog.labels(for: $0) != nil }
            return try renderer.customerPage(
                kind, quote: nil, case: nil, language: reader, marketLanguage: "en")
        }
        return try renderer.customerPage(
            kind, quote: quote, case: serviceCase,
            language: try resolved(serviceCase.customer.language, quote: quote),
            marketLanguage: catalog.language(of: quote), pdfLink: pdf == nil ? nil : pdfLink, answer: answer)
    }

    /// The consent sentences of the quote's price list (`consent.<lang>.yaml`).
    public func consents(market: MarketCode, priceListVersion: String) -> [String: ConsentSentence] {
        (try? catalog.priceList(for: market, version: priceListVersion))?.consent ?? [:]
    }

    /// The e-mail subject in the document's language.
    func subject(quote: Quote, case serviceCase: ServiceCase, language: String?) throws -> String {
        try renderer.subject(
            for: quote, case: serviceCase,
            language: try resolved(language ?? serviceCase.customer.language, quote: quote),
            marketLanguage: catalog.language(of: quote))
    }

    /// The subject of the reminder before the quote expires, in the document's language.
    func reminderSubject(quote: Quote, case serviceCase: ServiceCase, language: String?) throws -> String {
        try renderer.reminderSubject(
            for: quote, case: serviceCase,
            language: try resolved(language ?? serviceCase.customer.language, quote: quote),
            marketLanguage: catalog.language(of: quote))
    }

    /// The time zone of the market's price lists (`settings.timeZone`).
    public func timeZone(of market: MarketCode) -> TimeZone? {
        catalog.allVersions(of: market).first.flatMap { TimeZone(identifier: $0.settings.timeZone) }
    }

    /// The subject of the e-mail confirming `decision`, in the document's language.
    func confirmationSubject(
        quote: Quote, case serviceCase: ServiceCase, decision: DocumentDecision, language: String?
    ) throws -> String {
        try renderer.confirmationSubject(
            for: quote, case: serviceCase, decision: decision,
            language: try resolved(language ?? serviceCase.customer.language, quote: quote),
            marketLanguage: catalog.language(of: quote))
    }

    public func documentLanguage(market: MarketCode, priceListVersion: String, customerLanguage: String?)
        -> String?
    {
        let settings = try? catalog.priceList(for: market, version: priceListVersion).settings
        return try? renderer.resolveLanguage(
            explicit: nil, customer: customerLanguage, marketLanguage: settings?.language ?? "en",
            marketLanguages: settings?.languages ?? [])
    }

    /// The label language a preferred language falls back to for this quote's market: the market's
    /// own when the preferred one is not among the market's languages (`Quote.languages`).
    func resolved(_ preferred: String?, quote: Quote) throws -> String {
        try renderer.resolveLanguage(
            explicit: nil, customer: preferred, marketLanguage: catalog.language(of: quote),
            marketLanguages: quote.languages)
    }

}

extension TemplateDocumentRenderer {
    /// The decision form's words from the label files, in the document's language.
    public func decisionLabels(quote: Quote, case serviceCase: ServiceCase) -> DecisionLabels {
        guard
            let code = try? resolved(serviceCase.customer.language, quote: quote),
            let labels = renderer.catalog.labels(for: code), let accept = try? labels.text("decision.accept"),
            let reject = try? labels.text("decision.reject"),
            let answer = try? labels.text("decision.yourAnswer")
        else { return .english }
        return DecisionLabels(accept: accept, reject: reject, yourAnswer: answer)
    }
}
