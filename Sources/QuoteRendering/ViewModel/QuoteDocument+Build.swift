import QuoteCore

/// Builds the view model of a quote in one language: every amount, date, rate and vocabulary
/// value becomes a string here, before any template sees it.
struct DocumentBuilder {
    let locale: LocaleFormat
    let ui: UILabels
    let tables: TableLabels
    /// The quote's currency in the document's language.
    let currency: LocaleFormat.MoneyStyle
    var labels: LabelSet { locale.labels }

    init(locale: LocaleFormat, ui: UILabels, tables: TableLabels, currency: Currency) throws(RenderError) {
        self.locale = locale
        self.ui = ui
        self.tables = tables
        self.currency = try locale.moneyStyle(currency)
    }

    /// An amount of the quote: every amount of a quote is in its currency.
    private func money(_ amount: Money) throws(RenderError) -> String {
        amount.currency == currency.currency ? currency.format(amount) : try locale.money(amount)
    }

    func document(_ quote: Quote, case serviceCase: ServiceCase) throws(RenderError) -> QuoteDocument {
        let coverage = quote.coverage
        let number = try labels.number(of: quote)
        let allLines = quote.lines + (quote.ifRejected?.lines ?? [])
        let showVat = allLines.contains { !$0.vatRate.isZero }
        // The policy's sentence in the document's language (its English one when the market has none).
        let rules = coverage.rules.map {
            RuleView(id: $0.id.rawValue, sentence: $0.sentence(in: labels.language))
        }
        var windows: [Fact] = []
        for window in coverage.windows {
            let value = "\(locale.date(window.ends)) (\(window.rule.rawValue))"
            windows.append(Fact(label: try labels.text("window.\(window.name.rawValue)"), value: value))
        }
        var advice: [String] = []
        for item in coverage.advice { advice.append(try labels.text("advice.\(item.rawValue)")) }
        var notes: [String] = []
        for note in coverage.notes { notes.append(try NoteSentences.text(note, locale: locale)) }
        let document = QuoteDocument(
            lang: try labels.text("meta.htmlLang"), ui: ui,
            number: number, isDraft: quote.number == nil,
            facts: try facts(quote, reference: serviceCase.reference), parties: try parties(serviceCase),
            sampleNotice: quote.sample ? try labels.text("ui.sampleNotice") : nil,
            status: try labels.text("status.\(coverage.status.rawValue)"),
            statusCode: coverage.status.rawValue,
            summary: try labels.text("summary.\(coverage.status.rawValue)"), rules: rules, advice: advice,
            windows: windows, notes: notes,
            charges: try charges(
                quote.lines, totals: quote.totals, currency: quote.currency, showVat: showVat,
                model: serviceCase.device.model),
            ifRejected: try quote.ifRejected.map { (alternative) throws(RenderError) in
                try charges(
                    alternative.lines, totals: alternative.totals, currency: quote.currency, showVat: showVat,
                    model: serviceCase.device.model)
            })
        document.serviceCenter = try serviceCenter(quote.serviceCenter)
        return document
    }

    private func facts(_ quote: Quote, reference: String?) throws(RenderError) -> [Fact] {
        var facts = [
            Fact(label: try labels.text("ui.quoteNumber"), value: try labels.number(of: quote)),
            Fact(label: try labels.text("ui.issueDate"), value: locale.date(quote.issueDate)),
            Fact(label: try labels.text("ui.validUntil"), value: locale.date(quote.validUntil)),
        ]
        if let completion = quote.expectedCompletion {
            facts.append(
                Fact(label: try labels.text("ui.expectedCompletion"), value: locale.date(completion)))
        }
        if let ends = quote.coverage.warrantyEnds {
            facts.append(Fact(label: try labels.text("ui.warrantyEnds"), value: locale.date(ends)))
        }
        let priceList = "\(quote.market.rawValue) \(quote.priceListVersion)"
        facts.append(Fact(label: try labels.text("ui.priceList"), value: priceList))
        if let reference {
            facts.append(Fact(label: try labels.text("ui.reference"), value: reference))
        }
        return facts
    }

    private func parties(_ serviceCase: ServiceCase) throws(RenderError) -> [Fact] {
        let device = serviceCase.device
        var parties = [Fact(label: try labels.text("ui.customer"), value: serviceCase.customer.name)]
        if let email = serviceCase.customer.email {
            parties.append(Fact(label: try labels.text("ui.email"), value: email))
        }
        let category = try labels.text("category.\(device.category.rawValue)")
        parties.append(Fact(label: try labels.text("ui.device"), value: "\(device.model) (\(category))"))
        if let imei = device.imei {
            parties.append(Fact(label: try labels.text("ui.imei"), value: Self.masked(imei)))
        } else if let serial = device.serial {
            parties.append(Fact(label: try labels.text("ui.serial"), value: Self.masked(serial)))
        }
        if let fault = serviceCase.fault {
            parties.append(Fact(label: try labels.text("ui.fault"), value: fault))
        }
        return parties
    }

    /// All but the last four characters hidden: "490154203237518" → "•••••••••••7518".
    static func masked(_ identifier: String) -> String {
        let shown = identifier.suffix(4)
        return String(repeating: "•", count: identifier.count - shown.count) + shown
    }

    /// The charges; `model` names an unpriced swap unit ("Swap unit Redmi Note 13").
    private func charges(
        _ lines: [ChargeLine], totals: Totals, currency: Currency, showVat: Bool, model: String
    ) throws(RenderError) -> ChargesView {
        var groups: [PayerGroupView] = []
        var totalRows: [TotalRow] = []
        for payer in Payer.allCases {
            let payerLines = lines.filter { $0.payer == payer }
            guard !payerLines.isEmpty else { continue }
            var views: [LineView] = []
            for line in payerLines { views.append(try lineView(line, among: lines, model: model)) }
            let (name, heading) = try tables.payer(payer)
            let subtotal = try totalRow(label: try tables.text(tables.subtotal, "ui.subtotal"), totals[payer])
            groups.append(
                PayerGroupView(
                    payer: name, payerCode: payer.rawValue, heading: heading, lines: views, subtotal: subtotal
                ))
            totalRows.append(try totalRow(label: name, totals[payer]))
        }
        totalRows.append(try totalRow(label: try tables.text(tables.totalAll, "ui.totalAll"), totals.all))
        return ChargesView(
            groups: groups, header: try header(), totals: totalRows, due: try due(totals.consumer.gross),
            refund: try refund(lines, currency: currency), showVat: showVat)
    }

    private func lineView(_ line: ChargeLine, among lines: [ChargeLine], model: String) throws(RenderError)
        -> LineView
    {
        let view = LineView(
            kind: try tables.lineKind(line.kind), kindCode: line.kind.rawValue,
            description: try LineDescriptions.text(
                for: line, among: lines, model: model, labels: tables.labels),
            more: [],
            quantity: String(line.quantity),
            unitPrice: try money(line.unitPrice), net: try money(line.net),
            vatRate: locale.percent(line.vatRate), vat: try money(line.vat),
            gross: try money(line.gross),
            rule: line.rule?.rawValue, isNegative: line.gross.isNegative)
        view.descriptionLang = LineDescriptions.language(of: line, in: tables.labels.language)
        return view
    }

    private func header() throws(RenderError) -> LineView {
        let cells = try tables.headings()
        return LineView(
            kind: "", kindCode: "", description: cells[0], more: [], quantity: cells[1], unitPrice: cells[2],
            net: cells[3], vatRate: cells[4], vat: cells[5], gross: cells[6], rule: nil, isNegative: false)
    }

    private func totalRow(label: String, _ amounts: Amounts) throws(RenderError) -> TotalRow {
        TotalRow(
            label: label, net: try money(amounts.net), vatRate: "", vat: try money(amounts.vat),
            gross: try money(amounts.gross))
    }

    /// "You pay € 47,19", or for a negative consumer total "Refunded to you € 49,99".
    func due(_ consumerGross: Money) throws(RenderError) -> Fact {
        if consumerGross.isNegative {
            return Fact(
                label: try labels.text("ui.youGetBack"), value: try money(consumerGross.negated))
        }
        return Fact(label: try labels.text("ui.youPay"), value: try money(consumerGross))
    }

    private func refund(_ lines: [ChargeLine], currency: Currency) throws(RenderError) -> String? {
        let refunds = lines.filter { $0.kind == .refund }
        guard !refunds.isEmpty else { return nil }
        let total = refunds.reduce(Int64(0)) { $0 + $1.gross.minorUnits }
        return try money(Money(minorUnits: -total, currency: currency))
    }
}

extension LabelSet {
    /// The quote's number, or for a draft the draft label.
    func number(of quote: Quote) throws(RenderError) -> String {
        if let number = quote.number { return number }
        return try text("ui.draft")
    }
}
