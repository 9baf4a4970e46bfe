import QuoteCore

extension QuoteRenderer {
    /// The e-mail subject of a quote in the document's language:
    /// "Offerte NL-2026-000123 – Xiaomi 12 Pro", or with the label for "draft" before it is issued.
    public func subject(
        for quote: Quote, case serviceCase: ServiceCase, language: String?, marketLanguage: String
    ) throws(RenderError) -> String {
        let code = try resolveLanguage(
            explicit: language, customer: serviceCase.customer.language, marketLanguage: marketLanguage)
        let labels = try catalog.require(code)
        let number: String
        if let issued = quote.number { number = issued } else { number = try labels.text("ui.draft") }
        let title = try labels.text("ui.title")
        return "\(title) \(number) – \(serviceCase.device.model)"
    }
}
