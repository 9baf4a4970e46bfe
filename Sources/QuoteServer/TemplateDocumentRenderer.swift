import Foundation
import QuoteCore
import QuoteRendering

/// Quote documents from the editable templates (`QuoteRendering`), in the language asked for, else
/// the customer's, else the market's.
public struct TemplateDocumentRenderer: QuoteDocumentRendering {
    let renderer: QuoteRenderer
    let catalog: PriceListCatalog

    public init(renderer: QuoteRenderer, catalog: PriceListCatalog) {
        self.renderer = renderer
        self.catalog = catalog
    }

    public func render(quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?)
        throws
        -> String
    {
        try renderer.render(
            quote, case: serviceCase, format: format, language: language,
            marketLanguage: catalog.language(of: quote))
    }

    /// The e-mail subject in the document's language.
    func subject(quote: Quote, case serviceCase: ServiceCase, language: String?) throws -> String {
        try renderer.subject(
            for: quote, case: serviceCase, language: language, marketLanguage: catalog.language(of: quote))
    }

}

extension TemplateDocumentRenderer {
    /// The decision form's words from the label files, in the document's language.
    public func decisionLabels(quote: Quote, case serviceCase: ServiceCase) -> DecisionLabels {
        guard
            let code = try? renderer.resolveLanguage(
                explicit: nil, customer: serviceCase.customer.language,
                marketLanguage: catalog.language(of: quote)),
            let labels = renderer.catalog.labels(for: code), let accept = try? labels.text("decision.accept"),
            let reject = try? labels.text("decision.reject"),
            let answer = try? labels.text("decision.yourAnswer")
        else { return .english }
        return DecisionLabels(accept: accept, reject: reject, yourAnswer: answer)
    }
}
