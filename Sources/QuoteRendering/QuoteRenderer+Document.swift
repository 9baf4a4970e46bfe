import QuoteCore

extension QuoteRenderer {
    /// The view model of a quote's document in the resolved language (see `resolveLanguage`),
    /// with its decision and customer link, and that language's labels: what the templates render,
    /// and what the PDF layout (QuotePDF) lays out, so every string and amount has one home.
    /// `format` chooses the `ui` labels' form (wrapped to 80 columns for text) and the text layout.
    /// `reminder`: the reminder e-mail's sentence (`email.reminder`, with the last valid day) on top.
    package func document(
        _ quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat = .html, language: String?,
        marketLanguage: String, decision: DocumentDecision? = nil, customerLink: String? = nil,
        reminder: Bool = false
    ) throws(RenderError) -> (document: QuoteDocument, labels: LabelSet) {
        let code = try resolveLanguage(
            explicit: language, customer: serviceCase.customer.language, marketLanguage: marketLanguage,
            marketLanguages: quote.languages)
        guard let locale = locales[code], let tables = tables[code], let ui = uiTables[code]?[format] else {
            throw .unknownLanguage(code, available: languages)
        }
        let builder = try DocumentBuilder(locale: locale, ui: ui, tables: tables, currency: quote.currency)
        var document = try builder.document(quote, case: serviceCase)
        if let decision { try builder.apply(decision, to: document, quote: quote) }
        document.customerLink = customerLink
        if reminder {
            document.reminder = Pattern(try locale.labels.text("email.reminder")).fill {
                $0 == "date" ? locale.date(quote.validUntil) : nil
            }
        }
        if format == .text { TextLayout.apply(to: &document) }
        return (document, locale.labels)
    }
}
