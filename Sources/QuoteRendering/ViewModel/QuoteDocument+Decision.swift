import QuoteCore

/// The decided document, and the decision's words shared by the pages and e-mails.
extension DocumentBuilder {
    /// Marks `document` as decided: the decision block, no "if you decline" alternative, and for
    /// a rejection the charges of the return unrepaired (what the customer now owes), introduced
    /// as such instead of the outcome's "the charges below apply if you accept".
    func apply(_ decision: DocumentDecision, to document: QuoteDocument, quote: Quote) throws(RenderError) {
        guard decision.decision != .pending else { return }
        var paragraphs = [try sentence(decision), try nextStep(decision, quote: quote)]
        if decision.recordedByStaff { paragraphs.append(try labels.text("decided.noSignature")) }
        document.decided = MessageView(
            heading: try labels.text("decided.title"), code: decision.decision.rawValue,
            paragraphs: paragraphs)
        if decision.decision == .rejected, let alternative = document.ifRejected {
            document.charges = alternative
            document.summary = try labels.text("decided.rejectedSummary")
        }
        document.ifRejected = nil
    }

    /// "You accepted this quote on March 12, 2026 (by phone)."
    /// With the customer's signature: "Accepted by Anna de Vries on 7 December 2026 at 14:10
    /// (Europe/Amsterdam) via the customer link."
    func sentence(_ decision: DocumentDecision) throws(RenderError) -> String {
        if decision.decision == .accepted, let signature = decision.signature {
            return Pattern(try labels.text("decided.signed")).fill { name in
                switch name {
                case "name": signature.name
                case "date": locale.date(decision.decidedOn)
                case "time": signature.time
                case "zone": signature.zone
                default: nil
                }
            }
        }
        let key = decision.decision == .rejected ? "decided.rejected" : "decided.accepted"
        let channel = labels.entries["channel.\(decision.channel)"] ?? decision.channel
        return Pattern(try labels.text(key)).fill { name in
            switch name {
            case "date": locale.date(decision.decidedOn)
            case "channel": channel
            default: nil
            }
        }
    }

    /// Accepted: the repair goes ahead (by the expected completion date); rejected: the device
    /// comes back unrepaired.
    func nextStep(_ decision: DocumentDecision, quote: Quote) throws(RenderError) -> String {
        if decision.decision == .rejected { return try labels.text("decided.rejectedNext") }
        guard let completion = quote.expectedCompletion else {
            return try labels.text("decided.acceptedNext")
        }
        return Pattern(try labels.text("decided.acceptedNextBy")).fill {
            $0 == "date" ? locale.date(completion) : nil
        }
    }

    /// "Accepted" / "Declined".
    func decisionName(_ decision: DocumentDecision) throws(RenderError) -> String {
        try labels.text(decision.decision == .rejected ? "page.decisionRejected" : "page.decisionAccepted")
    }

    /// What the customer pays once decided: the quote's consumer total if accepted, the return
    /// unrepaired's if rejected (the quote's own when it has no alternative).
    static func consumerGross(_ quote: Quote, _ decision: Decision) -> Money {
        decision == .rejected
            ? (quote.ifRejected?.totals ?? quote.totals).consumer.gross : quote.totals.consumer.gross
    }

    /// The Accept/Reject form, each button with what the customer then pays.
    func form(_ quote: Quote, state: AnswerFormState, language: String) throws(RenderError)
        -> DecisionFormView
    {
        func button(_ key: String, _ amount: Money) throws(RenderError) -> String {
            let refund = amount.isNegative
            let pattern = Pattern(try labels.text(refund ? key + "Refund" : key))
            let text = currency.format(refund ? amount.negated : amount)
            return pattern.fill { $0 == "amount" ? text : nil }
        }
        let form = DecisionFormView(
            heading: try labels.text("page.formTitle"), intro: try labels.text("page.formIntro"),
            accept: try button("page.accept", Self.consumerGross(quote, .accepted)),
            reject: try button("page.reject", Self.consumerGross(quote, .rejected)))
        form.fields = try answerFields(quote, state: state, language: language)
        return form
    }

    /// The typed name, the consent sentence (with the number and the amount to pay) and the
    /// reason, with what was typed and each field's error after a refused answer.
    func answerFields(_ quote: Quote, state: AnswerFormState, language: String) throws(RenderError)
        -> AnswerFieldsView
    {
        var fields = AnswerFieldsView()
        fields.nameLabel = try labels.text("page.nameLabel")
        fields.reasonLabel = try labels.text("page.reasonLabel")
        fields.acceptOnlyNote = try labels.text("page.acceptOnlyNote")
        if let consent = state.consent(in: language) {
            let amount = Self.consumerGross(quote, .accepted)
            fields.consentText = consent.filled(
                number: try labels.number(of: quote),
                amount: currency.format(amount.isNegative ? amount.negated : amount))
            fields.consentVersion = consent.version
            fields.consentLanguage = consent.language
        }
        guard let answer = state.answer else { return fields }
        fields.nameValue = answer.typedName
        fields.reasonValue = answer.reason
        for problem in answer.problems {
            let text = try labels.text("page." + problem.rawValue)
            switch problem {
            case .nameMissing, .nameInvalid: fields.nameError = text
            case .consentMissing: fields.consentError = text
            case .reasonInvalid: fields.reasonError = text
            }
        }
        return fields
    }
}
