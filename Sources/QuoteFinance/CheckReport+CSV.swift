import QuoteCore

extension CheckReport {
    /// The columns of `check --csv`: one record per difference (`finding` = `difference`, the
    /// JSON path in `field`, the values as compact JSON, empty for the side that lacks it), one per
    /// differing quote's effect (`effect`, its market, currency and the amounts stored − recomputed
    /// per payer) and one per invalid line (`invalid`, the field path and the message).
    public static let csvHeader = [
        "line", "quote", "finding", "field", "stored", "recomputed", "message", "market", "currency",
        "consumer", "manufacturer", "retailer",
    ]

    /// The CSV records of one line's result (none when it matched).
    public static func csv(_ result: CheckResult, _ format: CSVFormat) -> String {
        let head = [String(result.line), result.quoteNumber ?? ""]
        let noMoney = ["", "", "", "", ""]
        switch result.outcome {
        case .match:
            return ""
        case .differs(let differences):
            var out = differences.map { d in
                format.record(
                    head + [
                        "difference", d.path, d.stored.map(render) ?? "", d.recomputed.map(render) ?? "", "",
                    ]
                        + noMoney)
            }.joined()
            if let effect = result.effect {
                let amounts = Payer.allCases.map {
                    SpreadsheetCell.money(effect.amounts[$0], effect.currency).csvField(format)
                }
                out += format.record(
                    head + ["effect", "", "", "", "", effect.market, effect.currency.code] + amounts)
            }
            return out
        case .invalid(let field, let message):
            return format.record(head + ["invalid", field, "", "", oneLine(message)] + noMoney)
        }
    }
}
