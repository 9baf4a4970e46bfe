/// Lays a view model out for 80-column plain text: pads table cells to their column widths
/// (amounts right-aligned), wraps long descriptions and sentences, and aligns labels. The text
/// templates place the cells; these widths assume the separators documented here.
///
/// - Table rows: `{{description}} {{quantity}} {{unitPrice}} {{net}} {{vatRate}} {{vat}} {{gross}}`
///   (one space between cells); total rows: `{{label}} {{net}} {{vatRate}} {{vat}} {{gross}}`. When
///   the document has no VAT (`showVat` false) the two VAT cells take no width and the templates
///   leave them and their spaces out: `{{net}}{{#showVat}} {{vatRate}} {{vat}}{{/showVat}} {{gross}}`.
/// - Facts and the service center's contacts: `{{label}}  {{value}}` (two spaces).
///   Rules: `  {{id}}  {{sentence}}`.
/// - Lists (advice, notes): `  - {{.}}`. Summary, notices and the service center's name, address
///   and registration start at column 0.
enum TextLayout {
    static let width = 80
    static let minimumDescriptionWidth = 10

    static func apply(to document: inout QuoteDocument) {
        let contacts = document.serviceCenter?.contacts ?? []
        let labelled = document.facts + document.parties + document.windows + contacts
        let labelWidth = labelled.map { DisplayWidth.of($0.label) }.max() ?? 0
        if let center = document.serviceCenter { lay(center, labelWidth: labelWidth) }
        document.facts = document.facts.map { align($0, labelWidth: labelWidth) }
        document.parties = document.parties.map { align($0, labelWidth: labelWidth) }
        document.windows = document.windows.map { align($0, labelWidth: labelWidth) }
        document.summary = TextWrap.indented(document.summary, width: width, indent: 0)
        document.sampleNotice = document.sampleNotice.map { TextWrap.indented($0, width: width, indent: 0) }
        if let decided = document.decided {
            decided.paragraphs = decided.paragraphs.map { TextWrap.indented($0, width: width, indent: 0) }
        }
        let idWidth = document.rules.map { DisplayWidth.of($0.id) }.max() ?? 0
        document.rules = document.rules.map { rule in
            RuleView(
                id: DisplayWidth.padRight(rule.id, to: idWidth),
                sentence: TextWrap.indented(rule.sentence, width: width - 4 - idWidth, indent: 4 + idWidth))
        }
        document.advice = document.advice.map { TextWrap.indented($0, width: width - 4, indent: 4) }
        document.notes = document.notes.map { TextWrap.indented($0, width: width - 4, indent: 4) }
        let columns = Columns(measuring: [document.charges] + (document.ifRejected.map { [$0] } ?? []))
        document.charges = columns.lay(document.charges)
        document.ifRejected = document.ifRejected.map(columns.lay)
    }

    /// The service center's lines wrapped to 80 columns, its contacts aligned with the facts.
    private static func lay(_ center: ServiceCenterView, labelWidth: Int) {
        center.name = TextWrap.indented(center.name, width: width, indent: 0)
        center.address = center.address.map { TextWrap.indented($0, width: width, indent: 0) }
        center.contacts = center.contacts.map { align($0, labelWidth: labelWidth) }
        center.registration = center.registration.map { TextWrap.indented($0, width: width, indent: 0) }
    }

    private static func align(_ fact: Fact, labelWidth: Int) -> Fact {
        Fact(
            label: DisplayWidth.padRight(fact.label, to: labelWidth),
            value: TextWrap.indented(fact.value, width: width - labelWidth - 2, indent: labelWidth + 2))
    }

    /// The column widths of the line tables of one document (shared by both outcomes so that
    /// they line up).
    struct Columns {
        var description = 0
        var amounts = [Int](repeating: 0, count: 6)

        init(measuring views: [ChargesView]) {
            for view in views {
                let rows = view.groups.flatMap(\.lines) + [view.header]
                for row in rows { widen(with: Self.amountCells(row)) }
                for total in view.totals { widen(with: ["", "", total.net, "", total.vat, total.gross]) }
            }
            if !(views.first?.showVat ?? true) { (amounts[3], amounts[4]) = (0, 0) }
            let separators = amounts.filter { $0 > 0 }.count
            description = max(minimumDescriptionWidth, TextLayout.width - amounts.reduce(0, +) - separators)
        }

        private static func amountCells(_ line: LineView) -> [String] {
            [line.quantity, line.unitPrice, line.net, line.vatRate, line.vat, line.gross]
        }

        private mutating func widen(with cells: [String]) {
            for (index, cell) in cells.enumerated() {
                amounts[index] = max(amounts[index], DisplayWidth.of(cell))
            }
        }

        /// Lays out `view` in place (view-model objects are references) and returns it.
        func lay(_ view: ChargesView) -> ChargesView {
            view.header = lay(view.header, rule: nil)
            for group in view.groups {
                group.lines = group.lines.map { lay($0, rule: $0.rule) }
                group.subtotal = lay(group.subtotal)
            }
            view.totals = view.totals.map(lay)
            return view
        }

        private func lay(_ line: LineView, rule: String?) -> LineView {
            let text = rule.map { "\(line.description) (\($0))" } ?? line.description
            let wrapped = TextWrap.lines(text, width: description)
            line.description = DisplayWidth.padRight(wrapped[0], to: description)
            line.more = Array(wrapped.dropFirst())
            let cells = Self.amountCells(line).enumerated().map { DisplayWidth.padLeft($1, to: amounts[$0]) }
            (line.quantity, line.unitPrice, line.net, line.vatRate, line.vat, line.gross) =
                (cells[0], cells[1], cells[2], cells[3], cells[4], cells[5])
            return line
        }

        private func lay(_ total: TotalRow) -> TotalRow {
            let labelWidth = description + amounts[0] + amounts[1] + 2
            return TotalRow(
                label: DisplayWidth.padRight(total.label, to: labelWidth),
                net: DisplayWidth.padLeft(total.net, to: amounts[2]),
                vatRate: String(repeating: " ", count: amounts[3]),
                vat: DisplayWidth.padLeft(total.vat, to: amounts[4]),
                gross: DisplayWidth.padLeft(total.gross, to: amounts[5]))
        }
    }
}
