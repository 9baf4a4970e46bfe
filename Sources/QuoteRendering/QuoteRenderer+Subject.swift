import QuoteCore

extension QuoteRenderer {
    /// The e-mail subject of a quote in the document's language:
    /// "Offerte NL-2026-000123 – Xiaomi 12 Pro", or with the label for "draft" before it is issued.
    public func subject(
        for quote: Quote, case serviceCase: ServiceCase, language: String?, marketLanguage: String
    ) throws(RenderError) -> String {
        let labels = try labels(for: quote, serviceCase, language: language, marketLanguage: marketLanguage)
        let title = try labels.text("ui.title")
        return "\(title) \(try labels.number(of: quote)) – \(serviceCase.device.model)"
    }

    /// The subject of the e-mail that confirms a decision, in the document's language:
    /// "Your decision on quote NL-2026-000123 (Xiaomi 12 Pro): Accepted" (`email.confirmationSubject`).
    public func confirmationSubject(
        for quote: Quote, case serviceCase: ServiceCase, decision: DocumentDecision, language: String?,
        marketLanguage: String
    ) throws(RenderError) -> String {
        let labels = try labels(for: quote, serviceCase, language: language, marketLanguage: marketLanguage)
        let number = try labels.number(of: quote)
        let key = decision.decision == .rejected ? "page.decisionRejected" : "page.decisionAccepted"
        let name = try labels.text(key)
        return Pattern(try labels.text("email.confirmationSubject")).fill { placeholder in
            switch placeholder {
            case "number": number
            case "model": serviceCase.device.model
            case "decision": name
            default: nil
            }
        }
    }

    /// The subject of the reminder before a quote expires, in the document's language:
    /// "Reminder: quote NL-2026-000123 (Xiaomi 12 Pro) is valid until 16 March 2026" (`email.reminderSubject`).
    public func reminderSubject(
        for quote: Quote, case serviceCase: ServiceCase, language: String?, marketLanguage: String
    ) throws(RenderError) -> String {
        let code = try resolveLanguage(
            explicit: language, customer: serviceCase.customer.language, marketLanguage: marketLanguage,
            marketLanguages: quote.languages)
        guard let locale = locales[code] else { throw .unknownLanguage(code, available: languages) }
        let number = try locale.labels.number(of: quote)
        return Pattern(try locale.labels.text("email.reminderSubject")).fill { placeholder in
            switch placeholder {
            case "number": number
            case "model": serviceCase.device.model
            case "date": locale.date(quote.validUntil)
            default: nil
            }
        }
    }

    /// The labels of the language a case's documents are rendered in (see `resolveLanguage`).
    private func labels(
        for quote: Quote, _ serviceCase: ServiceCase, language: String?, marketLanguage: String
    ) throws(RenderError) -> LabelSet {
        try catalog.require(
            try resolveLanguage(
                explicit: language, customer: serviceCase.customer.language, marketLanguage: marketLanguage,
                marketLanguages: quote.languages))
    }
}
