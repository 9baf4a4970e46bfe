import QuoteRendering

/// The charges of one outcome as tables: per payer group a caption, the column headings, the
/// lines and the subtotal; then the totals per payer, the refund and what the customer pays.
///
/// Amount columns are as wide as their widest cell (lines, subtotals and totals alike) and every
/// amount is set flush right in them: the amounts of a document share their currency's number of
/// decimals and its symbol's place, and the fonts' digits are tabular, so the decimal separators
/// stand in one vertical line. The totals use the same columns as the lines. The description
/// column takes the rest of the width and wraps long part names.
struct ChargesTable {
    let style: PDFStyle
    let charges: ChargesView
    let labels: [String: String]

    private static let padding = 2.5
    private static let columnGap = 8.0

    /// Cells of a row: index 0 is the description, then quantity, unit price, net, (VAT rate,
    /// VAT,) gross.
    private func cells(_ line: LineView) -> [String] {
        charges.showVat
            ? [line.description, line.quantity, line.unitPrice, line.net, line.vatRate, line.vat, line.gross]
            : [line.description, line.quantity, line.unitPrice, line.net, line.gross]
    }

    /// The amounts of a total row in the table's columns (blank under quantity, unit price, rate).
    private func cells(_ total: TotalRow) -> [String] {
        charges.showVat
            ? [total.label, "", "", total.net, "", total.vat, total.gross]
            : [total.label, "", "", total.net, total.gross]
    }

    private func description(_ line: LineView) -> String {
        let colon = labels["ui.colon"] ?? ": "
        return line.kind + colon + line.description + (line.rule.map { " (\($0))" } ?? "")
    }

    func items() throws(PDFError) -> [FlowItem] {
        guard charges.hasLines else {
            return [
                .piece(try style.paragraph(labels["ui.noCharges"] ?? "", style.body), keepWithNext: false)
            ]
        }
        let columns = try columnEdges()
        var items: [FlowItem] = []
        for group in charges.groups {
            items.append(.gap(6))
            items.append(
                .piece(try style.paragraph(group.heading, style.bold, tag: "Caption"), keepWithNext: true))
            items.append(.beginTag("Table"))
            let header = try row(cells(charges.header), columns: columns, font: style.smallBold, header: true)
            items.append(.piece(header, keepWithNext: true))
            for line in group.lines {
                var texts = cells(line)
                texts[0] = description(line)
                items.append(.row(try row(texts, columns: columns, font: style.small), header: header))
            }
            items.append(
                .row(try row(cells(group.subtotal), columns: columns, font: style.smallBold), header: header))
            items.append(.endTag("Table"))
        }
        items.append(.gap(8))
        items += try totals(columns)
        return items
    }

    /// Totals per payer in the line table's amount columns, then the refund and the amount due.
    /// The block is kept on one page, from its caption to what the customer pays: a page break
    /// never leaves the amount due alone on the next page, away from the totals it sums up.
    private func totals(_ columns: [(left: Double, right: Double)]) throws(PDFError) -> [FlowItem] {
        var items: [FlowItem] = []
        items.append(
            .piece(
                try style.paragraph(labels["ui.totals"] ?? "", style.bold, tag: "Caption"), keepWithNext: true
            ))
        items.append(.beginTag("Table"))
        let headings = [
            labels["ui.colPayer"] ?? "", labels["ui.colNet"] ?? "", labels["ui.colVat"] ?? "",
            labels["ui.colGross"] ?? "",
        ]
        let headerCells =
            charges.showVat
            ? [headings[0], "", "", headings[1], "", headings[2], headings[3]]
            : [headings[0], "", "", headings[1], headings[3]]
        let header = try row(headerCells, columns: columns, font: style.smallBold, header: true)
        items.append(.piece(header, keepWithNext: true))
        for (index, total) in charges.totals.enumerated() {
            let font = index == charges.totals.count - 1 ? style.smallBold : style.small
            items.append(.piece(try row(cells(total), columns: columns, font: font), keepWithNext: true))
        }
        items.append(.endTag("Table"))
        let colon = labels["ui.colon"] ?? ": "
        if let refund = charges.refund {
            items.append(
                .piece(
                    try summary((labels["ui.refund"] ?? "") + colon + refund, style.body), keepWithNext: true
                ))
        }
        items.append(
            .piece(
                try summary(charges.due.label + colon + charges.due.value, style.heading), keepWithNext: false
            ))
        return items
    }

    /// A line of text set flush right at the table's right edge.
    private func summary(_ text: String, _ font: FontStyle) throws(PDFError) -> Piece {
        let block = try style.text(text, font)
        let (canvas, x) = (style.canvas, style.left + style.width - block.width)
        return Piece(height: block.height + 4) { (y) throws(PDFError) in
            try canvas.beginTag("P")
            try canvas.draw(block, x: x, y: y + 4)
            try canvas.endTag("P")
        }
    }

    /// The left and right edge of every column: amount columns as wide as their widest cell,
    /// the description the rest.
    private func columnEdges() throws(PDFError) -> [(left: Double, right: Double)] {
        var rows = [cells(charges.header)]
        for group in charges.groups {
            rows += group.lines.map(cells)
            rows.append(cells(group.subtotal))
        }
        rows += charges.totals.map(cells)
        let count = rows[0].count
        var widths = Array(repeating: 0.0, count: count)
        for row in rows {
            for column in 1..<count where !row[column].isEmpty {
                widths[column] = max(widths[column], try style.measure(row[column], style.smallBold))
            }
        }
        var edges: [(left: Double, right: Double)] = []
        var right = style.left + style.width
        for column in stride(from: count - 1, through: 1, by: -1) {
            edges.insert((right - widths[column], right), at: 0)
            right -= widths[column] + Self.columnGap
        }
        edges.insert((style.left, right), at: 0)
        return edges
    }

    /// One table row: the first cell wrapped in its column, the others flush right.
    private func row(
        _ texts: [String], columns: [(left: Double, right: Double)], font: FontStyle, header: Bool = false
    ) throws(PDFError) -> Piece {
        var blocks: [(block: TextBlock, x: Double)] = []
        for (column, text) in texts.enumerated() where !text.isEmpty {
            let edge = columns[column]
            if column == 0 {
                blocks.append((try style.text(text, font, width: edge.right - edge.left), edge.left))
            } else {
                let block = try style.text(text, font)
                blocks.append((block, edge.right - block.width))
            }
        }
        let height = (blocks.map(\.block.height).max() ?? 0) + 2 * Self.padding
        let (canvas, left, width) = (style.canvas, style.left, style.width)
        let cellTag = header ? "TH" : "TD"
        return Piece(height: height) { (y) throws(PDFError) in
            if header { try canvas.fill(x: left, y: y, width: width, height: height, grey: 0.92) }
            try canvas.beginTag("TR")
            for (block, x) in blocks {
                try canvas.beginTag(cellTag)
                try canvas.draw(block, x: x, y: y + Self.padding)
                try canvas.endTag(cellTag)
            }
            try canvas.endTag("TR")
            try canvas.rule(
                x: left, y: y + height, width: width, lineWidth: header ? 0.6 : 0.3, grey: header ? 0.4 : 0.75
            )
        }
    }
}
