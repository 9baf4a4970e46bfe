import QuoteCore

extension QuoteRenderer {
    /// A customer-link page as one self-contained HTML document (no script, no external asset),
    /// from `Templates/customer.html.mustache`, in the resolved language: `language` if given,
    /// else the customer's (from `serviceCase`), else `marketLanguage`.
    ///
    /// ```swift
    /// let html = try renderer.customerPage(
    ///     .quote(decision: nil), quote: quote, case: serviceCase, language: nil, marketLanguage: "nl")
    /// ```
    ///
    /// `quote` and `serviceCase` are required by `.quote`, `.confirmation` and `.alreadyAnswered`
    /// (else `missingQuote`); the other pages show the quote number when given. `.unknownLink`
    /// has no quote: pass nil and the language to show it in. `pdfLink` (the quote page only) is
    /// the address of the quote's PDF, linked as "Download PDF (print)".
    public func customerPage(
        _ kind: CustomerPageKind, quote: Quote?, case serviceCase: ServiceCase?, language: String?,
        marketLanguage: String, pdfLink: String? = nil, answer: AnswerFormState = AnswerFormState()
    ) throws(RenderError) -> String {
        try customerPage(
            kind, quote: quote, case: serviceCase, language: language, marketLanguage: marketLanguage,
            pdfLink: pdfLink, answer: answer, reference: false)
    }

    /// `customerPage`, with swift-mustache instead of the compiled templates when `reference`.
    func customerPage(
        _ kind: CustomerPageKind, quote: Quote?, case serviceCase: ServiceCase?, language: String?,
        marketLanguage: String, pdfLink: String? = nil, answer: AnswerFormState = AnswerFormState(),
        reference: Bool
    ) throws(RenderError) -> String {
        let code = try resolveLanguage(
            explicit: language, customer: serviceCase?.customer.language, marketLanguage: marketLanguage,
            marketLanguages: quote?.languages ?? [])
        guard let locale = locales[code], let tables = tables[code], let ui = uiTables[code]?[.html] else {
            throw .unknownLanguage(code, available: languages)
        }
        let page = try PageBuilder(locale: locale, ui: ui, tables: tables)
            .page(kind, quote: quote, case: serviceCase, answer: answer, language: code)
        if case .quote = kind { page.pdfLink = pdfLink }
        return reference
            ? try customerTemplates.renderReference(page, language: page.lang)
            : try customerTemplates.render(.page(page), language: page.lang)
    }
}
