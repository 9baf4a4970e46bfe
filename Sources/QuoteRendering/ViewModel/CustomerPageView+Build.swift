import QuoteCore

/// Builds the view model of a customer-link page in one language (see `CustomerPageKind`).
struct PageBuilder {
    let locale: LocaleFormat
    let ui: UILabels
    let tables: TableLabels
    var labels: LabelSet { locale.labels }

    func page(
        _ kind: CustomerPageKind, quote: Quote?, case serviceCase: ServiceCase?,
        answer: AnswerFormState = AnswerFormState(), language: String = "en"
    ) throws(RenderError) -> CustomerPageView {
        let lang = try labels.text("meta.htmlLang")
        if case .quote(let decision) = kind {
            guard let quote, let serviceCase else { throw .missingQuote(page: kind.name) }
            let builder = try DocumentBuilder(
                locale: locale, ui: ui, tables: tables, currency: quote.currency)
            let document = try builder.document(quote, case: serviceCase)
            if let decision { try builder.apply(decision, to: document, quote: quote) }
            let form = decision == nil ? try builder.form(quote, state: answer, language: language) : nil
            return CustomerPageView(
                lang: lang, ui: ui, title: "\(try labels.text("ui.title")) \(document.number)",
                document: document,
                form: form)
        }
        let message = try self.message(kind, quote: quote)
        return CustomerPageView(lang: lang, ui: ui, title: message.heading, message: message)
    }

    /// The message of every page but the quote page.
    private func message(_ kind: CustomerPageKind, quote: Quote?) throws(RenderError) -> MessageView {
        var facts = try quote.map { (quote) throws(RenderError) in [try numberFact(quote)] } ?? []
        switch kind {
        case .quote: throw .missingQuote(page: kind.name)
        case .confirmation(let decision), .alreadyAnswered(let decision):
            guard let quote else { throw .missingQuote(page: kind.name) }
            return try answered(kind, decision, quote: quote)
        case .expired(let day):
            facts.append(Fact(label: try labels.text("ui.validUntil"), value: locale.date(day)))
            return try simple(kind, "expired", facts: facts, fill: ["date": locale.date(day)])
        case .superseded(let newer):
            if let newer { facts.append(Fact(label: try labels.text("page.replacedBy"), value: newer)) }
            return try simple(
                kind, newer == nil ? "superseded" : "supersededBy", facts: facts,
                fill: ["number": newer ?? ""])
        case .void: return try simple(kind, "void", facts: facts)
        case .unknownLink: return try simple(kind, "unknownLink", facts: [])
        case .badAnswer:
            let message = try simple(kind, "badAnswer", facts: facts)
            message.back = try labels.text("page.back")
            return message
        case .refused(let refusal):
            let message = try simple(kind, refusal.rawValue, facts: facts)
            if quote != nil { message.back = try labels.text("page.back") }
            return message
        }
    }

    /// A page of a heading (`page.<key>Title`) and one sentence (`page.<key>`).
    private func simple(
        _ kind: CustomerPageKind, _ key: String, facts: [Fact], fill values: [String: String] = [:]
    ) throws(RenderError) -> MessageView {
        let title = key == "supersededBy" ? "supersededTitle" : key + "Title"
        let sentence = Pattern(try labels.text("page.\(key)")).fill { values[$0] }
        return MessageView(
            heading: try labels.text("page.\(title)"), code: kind.name, facts: facts, paragraphs: [sentence])
    }

    /// The confirmation, or the answer already given: number, decision, amount due, next step.
    private func answered(_ kind: CustomerPageKind, _ decision: DocumentDecision, quote: Quote)
        throws(RenderError) -> MessageView
    {
        let builder = try DocumentBuilder(locale: locale, ui: ui, tables: tables, currency: quote.currency)
        var facts = [
            try numberFact(quote),
            Fact(label: try labels.text("page.yourDecision"), value: try builder.decisionName(decision)),
        ]
        facts.append(try builder.due(DocumentBuilder.consumerGross(quote, decision.decision)))
        if decision.decision == .accepted, let completion = quote.expectedCompletion {
            facts.append(
                Fact(label: try labels.text("ui.expectedCompletion"), value: locale.date(completion)))
        }
        var paragraphs = [try builder.sentence(decision)]
        if case .confirmation = kind {
            paragraphs.append(try builder.nextStep(decision, quote: quote))
            return MessageView(
                heading: try labels.text("page.confirmationTitle"),
                code: "confirmation-\(decision.decision.rawValue)", facts: facts, paragraphs: paragraphs)
        }
        paragraphs.append(try labels.text("page.alreadyAnswered"))
        return MessageView(
            heading: try labels.text("page.alreadyAnsweredTitle"), code: kind.name, facts: facts,
            paragraphs: paragraphs, back: try labels.text("page.back"))
    }

    private func numberFact(_ quote: Quote) throws(RenderError) -> Fact {
        Fact(label: try labels.text("ui.quoteNumber"), value: try labels.number(of: quote))
    }
}
