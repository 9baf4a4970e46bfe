import QuoteCore

/// The labels of the charge tables in one language, looked up once when the templates load: a
/// render then builds no keys ("lineKind.labor") and hashes none for each line, group and table.
/// A label the language lacks is simply absent here; asking for it goes to `LabelSet.text`, which
/// throws `missingLabel` naming it, as before.
struct TableLabels: Sendable {
    static let headerKeys = [
        "ui.colDescription", "ui.colQuantity", "ui.colUnitPrice", "ui.colNet", "ui.colVatRate", "ui.colVat",
        "ui.colGross",
    ]

    let labels: LabelSet
    /// The column headings in `headerKeys` order, when the language has all of them.
    let header: [String]?
    let subtotal: String?
    let totalAll: String?
    private let lineKinds: [(kind: LineKind, text: String)]
    private let payers: [(payer: Payer, name: String, heading: String)]

    init(labels: LabelSet) {
        self.labels = labels
        let header = Self.headerKeys.compactMap { labels.entries[$0] }
        self.header = header.count == Self.headerKeys.count ? header : nil
        subtotal = labels.entries["ui.subtotal"]
        totalAll = labels.entries["ui.totalAll"]
        lineKinds = LineKind.allCases.compactMap { kind in
            labels.entries["lineKind.\(kind.rawValue)"].map { (kind, $0) }
        }
        payers = Payer.allCases.compactMap { payer in
            guard let name = labels.entries["payer.\(payer.rawValue)"],
                let heading = labels.entries["payerHeading.\(payer.rawValue)"]
            else { return nil }
            return (payer, name, heading)
        }
    }

    /// `known`, a label looked up at load, or else the label of `key`.
    func text(_ known: String?, _ key: String) throws(RenderError) -> String {
        if let known { return known }
        return try labels.text(key)
    }

    /// A line kind in words: "Labour".
    func lineKind(_ kind: LineKind) throws(RenderError) -> String {
        if let known = lineKinds.first(where: { $0.kind == kind }) { return known.text }
        return try labels.text("lineKind.\(kind.rawValue)")
    }

    /// A payer's name ("Customer") and group heading ("What you pay").
    func payer(_ payer: Payer) throws(RenderError) -> (name: String, heading: String) {
        if let known = payers.first(where: { $0.payer == payer }) { return (known.name, known.heading) }
        return (
            try labels.text("payer.\(payer.rawValue)"), try labels.text("payerHeading.\(payer.rawValue)")
        )
    }

    /// The column headings: description, quantity, unit price, net, VAT rate, VAT, gross.
    func headings() throws(RenderError) -> [String] {
        if let header { return header }
        var texts: [String] = []
        for key in Self.headerKeys { texts.append(try labels.text(key)) }
        return texts
    }
}
