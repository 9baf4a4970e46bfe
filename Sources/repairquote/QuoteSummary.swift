import QuoteCore

/// A plain-text summary of a quote for the terminal: coverage, rules, lines and totals per payer.
/// (The customer document comes from the templates; this is the agent's quick look.)
struct QuoteSummary {
    let quote: Quote
    let serviceCase: ServiceCase

    var text: String {
        var out = ""
        let c = quote.coverage
        out +=
            "Quote \(quote.number ?? "(draft)")  \(quote.market)  price list \(quote.priceListVersion)\(quote.sample ? " (sample prices)" : "")\n"
        out +=
            "Device: \(serviceCase.device.model) (\(serviceCase.device.category.rawValue)), \(serviceCase.kind.rawValue), \(serviceCase.serviceMode.rawValue)\n"
        out += "Issued \(quote.issueDate), valid until \(quote.validUntil)"
        if let done = quote.expectedCompletion { out += ", expected completion \(done)" }
        out += "\n\nCoverage: \(c.status.rawValue)"
        if let ends = c.warrantyEnds { out += " (warranty ends \(ends))" }
        out += "\n"
        for rule in c.rules { out += "  \(rule.id.rawValue.padding(6))\(rule.text)\n" }
        for window in c.windows {
            out += "  window \(window.name.rawValue) ends \(window.ends) (\(window.rule))\n"
        }
        for note in c.notes { out += "  note: \(note)\n" }
        for advice in c.advice { out += "  advice: \(advice.rawValue)\n" }
        out += "\n" + Self.lines(quote.lines, totals: quote.totals)
        if let rejected = quote.ifRejected {
            out +=
                "\nIf the quote is rejected (device returned unrepaired):\n"
                + Self.lines(rejected.lines, totals: rejected.totals)
        }
        return out
    }

    static func lines(_ lines: [ChargeLine], totals: Totals) -> String {
        var out = ""
        for payer in Payer.allCases {
            let mine = lines.filter { $0.payer == payer }
            guard !mine.isEmpty else { continue }
            out += "  \(payer.rawValue):\n"
            for line in mine {
                let label = "\(line.quantity) × \(line.description)"
                out +=
                    "    \(String(label.prefix(44)).padding(46))\(line.net.text.leftPad(10))\(line.vat.text.leftPad(9))\(line.gross.text.leftPad(11))\n"
            }
        }
        out += "  " + "totals".padding(48) + "net".leftPad(10) + "vat".leftPad(9) + "gross".leftPad(11) + "\n"
        for payer in Payer.allCases {
            let a = totals[payer]
            out +=
                "    \(payer.rawValue.padding(46))\(a.net.text.leftPad(10))\(a.vat.text.leftPad(9))\(a.gross.text.leftPad(11))\n"
        }
        let a = totals.all
        out +=
            "    \("all (\(a.gross.currency.code))".padding(46))\(a.net.text.leftPad(10))\(a.vat.text.leftPad(9))\(a.gross.text.leftPad(11))\n"
        return out
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
