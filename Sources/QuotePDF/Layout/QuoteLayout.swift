import QuoteRendering

/// The quotation document as a column of pieces, in the order and with the words of the HTML
/// document (`Templates/partials/document.html.mustache`): title, service center and facts, the
/// decision, the outcome with its cited rules, the charges with totals per payer, what declining
/// costs, and the footer. Only the page layout is made here; every string comes from the view model.
struct QuoteLayout {
    let style: PDFStyle
    let document: QuoteDocument
    let labels: [String: String]

    func label(_ key: String) -> String { labels["ui." + key] ?? "" }

    func items() throws(PDFError) -> [FlowItem] {
        var items: [FlowItem] = []
        if let link = document.customerLink { items.append(.piece(try linkPiece(link), keepWithNext: false)) }
        items.append(
            .piece(
                try style.paragraph(
                    label("title") + " " + document.number, style.title, tag: "H1", spaceBelow: 6),
                keepWithNext: true))
        if let center = try serviceCenterPiece() { items.append(.piece(center, keepWithNext: false)) }
        if let notice = document.sampleNotice {
            items.append(
                .piece(
                    try style.paragraph(notice, style.small, grey: 0.3, spaceBelow: 6), keepWithNext: false))
        }
        items.append(.piece(try factColumns(), keepWithNext: false))
        if let decided = document.decided {
            items.append(.gap(8))
            items.append(
                .piece(try style.paragraph(decided.heading, style.heading, tag: "H2"), keepWithNext: true))
            for paragraph in decided.paragraphs {
                items.append(.piece(try style.paragraph(paragraph, style.body), keepWithNext: false))
            }
        }
        items += try outcome()
        items.append(.gap(8))
        items.append(
            .piece(try style.paragraph(label("charges"), style.heading, tag: "H2"), keepWithNext: true))
        items += try ChargesTable(style: style, charges: document.charges, labels: labels).items()
        if let alternative = document.ifRejected {
            items.append(.gap(8))
            items.append(
                .piece(
                    try style.paragraph(label("ifRejectedTitle"), style.heading, tag: "H2"),
                    keepWithNext: true))
            items.append(
                .piece(try style.paragraph(label("ifRejectedIntro"), style.body), keepWithNext: true))
            items += try ChargesTable(style: style, charges: alternative, labels: labels).items()
        }
        items.append(.gap(8))
        items.append(
            .piece(try style.paragraph(label("footerNote"), style.small, grey: 0.3), keepWithNext: false))
        return items
    }

    /// The outcome in words, the summary, the cited rules, advice, deadlines and notes.
    private func outcome() throws(PDFError) -> [FlowItem] {
        var items: [FlowItem] = [.gap(8)]
        let heading = label("outcome") + label("colon") + document.status
        items.append(.piece(try style.paragraph(heading, style.heading, tag: "H2"), keepWithNext: true))
        items.append(
            .piece(try style.paragraph(document.summary, style.body, spaceBelow: 4), keepWithNext: false))
        if !document.rules.isEmpty {
            items.append(
                .piece(try style.paragraph(label("why"), style.subheading, tag: "H3"), keepWithNext: true))
            for rule in document.rules {
                items.append(
                    .piece(try hanging(rule.id, rule.sentence, labelFont: style.bold), keepWithNext: false))
            }
        }
        if !document.advice.isEmpty {
            items.append(
                .piece(
                    try style.paragraph(label("nextSteps"), style.subheading, tag: "H3"), keepWithNext: true))
            for advice in document.advice {
                items.append(.piece(try hanging("•", advice, labelFont: style.body), keepWithNext: false))
            }
        }
        if !document.windows.isEmpty {
            items.append(
                .piece(try style.paragraph(label("windows"), style.subheading, tag: "H3"), keepWithNext: true)
            )
            items.append(
                .piece(try factList(document.windows, x: style.left, width: style.width), keepWithNext: false)
            )
        }
        if !document.notes.isEmpty {
            items.append(
                .piece(try style.paragraph(label("notes"), style.subheading, tag: "H3"), keepWithNext: true))
            for note in document.notes {
                items.append(.piece(try hanging("•", note, labelFont: style.body), keepWithNext: false))
            }
        }
        return items
    }

    /// A list item: `mark` (a rule ID, a bullet) in a narrow column, the text wrapped beside it.
    private func hanging(_ mark: String, _ text: String, labelFont: FontStyle) throws(PDFError) -> Piece {
        let markBlock = try style.text(mark, labelFont)
        let indent = max(14, markBlock.width + 6)
        let textBlock = try style.text(text, style.body, width: style.width - indent)
        let (canvas, x) = (style.canvas, style.left)
        return Piece(height: max(markBlock.height, textBlock.height) + 2) { (y) throws(PDFError) in
            try canvas.beginTag("LI")
            try canvas.draw(markBlock, x: x, y: y)
            try canvas.draw(textBlock, x: x + indent, y: y)
            try canvas.endTag("LI")
        }
    }

    /// The quote's facts and the customer's, side by side.
    private func factColumns() throws(PDFError) -> Piece {
        let gutter = 18.0
        let column = (style.width - gutter) / 2
        let facts = try factList(document.facts, x: style.left, width: column)
        let parties = try factList(document.parties, x: style.left + column + gutter, width: column)
        return Piece(height: max(facts.height, parties.height)) { (y) throws(PDFError) in
            try facts.draw(y)
            try parties.draw(y)
        }
    }

    /// Labelled values, labels in grey in a column as wide as the widest (at most 45%).
    private func factList(_ facts: [Fact], x: Double, width: Double) throws(PDFError) -> Piece {
        var widest = 0.0
        for fact in facts { widest = max(widest, try style.measure(fact.label, style.small)) }
        let labelWidth = min(width * 0.45, widest + 8)
        var rows: [(label: TextBlock, value: TextBlock)] = []
        for fact in facts {
            let label = try style.text(fact.label, style.small, width: labelWidth - 6)
            rows.append((label, try style.text(fact.value, style.body, width: width - labelWidth)))
        }
        let height = rows.reduce(0) { $0 + max($1.label.height, $1.value.height) + 2 }
        let (canvas, grey) = (style.canvas, style.labelGrey)
        return Piece(height: height) { (top) throws(PDFError) in
            var y = top
            for row in rows {
                try canvas.draw(row.label, x: x, y: y + 1, grey: grey)
                try canvas.draw(row.value, x: x + labelWidth, y: y)
                y += max(row.label.height, row.value.height) + 2
            }
        }
    }

    /// "Accept or reject this quote: https://…", a link annotation over the address.
    private func linkPiece(_ link: String) throws(PDFError) -> Piece {
        let block = try style.text(
            label("answerLink") + label("colon") + link, style.body, width: style.width)
        let (canvas, x) = (style.canvas, style.left)
        let escaped = link.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
            of: "'", with: "\\'")
        return Piece(height: block.height + 8) { (y) throws(PDFError) in
            try canvas.beginTag("Link", attributes: "uri='\(escaped)'")
            try canvas.draw(block, x: x, y: y, grey: 0)
            try canvas.endTag("Link")
        }
    }
}
