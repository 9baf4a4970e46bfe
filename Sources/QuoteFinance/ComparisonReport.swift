import QuoteCore

/// The per-quote report of `reprice --compare`, as text or as cells (CSV and workbook):
///
///     line 4: NL-2026-000004 (accepted): consumer 223.73 → 235.83 (+12.10) [2026.1 → 2027.1]
///     line 7: NL-2026-000007: manufacturer 189.90 → 199.90 (+10.00) [2026.1 → 2027.1]
///     line 9: NL-2026-000009: cannot be priced: repair.parts[0].sku: with 2027.1: unknown SKU …
///
/// A payer appears when it is charged with either version; `no charges` when none is.
public enum ComparisonReport {
    public static let header =
        [
            "line", "quote", "market", "currency", "state", "oldVersion", "newVersion", "oldStatus",
            "newStatus",
            "oldPayers", "newPayers",
        ] + Payer.allCases.flatMap { ["\($0.rawValue)Old", "\($0.rawValue)New", "\($0.rawValue)Difference"] }
        + ["changes", "reason"]

    public static func text(_ c: PriceComparison) -> String {
        let head =
            "line \(c.line): \(c.quoteNumber.isEmpty ? "-" : c.quoteNumber)"
            + (c.state.isEmpty ? "" : " (\(c.state))") + ": "
        switch c.priced {
        case .failure(let error):
            return head + "cannot be priced: \(error)\n"
        case .success(let pair):
            let scale = c.currency.minorUnits
            let charged = Payer.allCases.filter { pair.old.amounts[$0] != 0 || pair.new.amounts[$0] != 0 }
            var out =
                head
                + (charged.isEmpty
                    ? "no charges"
                    : charged.map {
                        "\($0.rawValue) " + change(pair.old.amounts[$0], pair.new.amounts[$0], scale: scale)
                    }.joined(separator: ", "))
                + " [\(c.oldVersion) → \(c.newVersion)]"
            if c.statusChanged { out += "; status \(pair.old.status) → \(pair.new.status)" }
            if c.payersChanged {
                out +=
                    "; payers \(RepriceReport.names(pair.old.payers)) → \(RepriceReport.names(pair.new.payers))"
            }
            return out + "\n"
        }
    }

    /// `124.51 → 125.60 (+1.09)`, with the percent of the old amount when given one
    /// (`56437.54 → 57570.69 (+1133.15, +2.01%)`).
    static func change(_ old: Int64, _ new: Int64, scale: Int, percent: Bool = false) -> String {
        let difference = new.subtractingChecked(old)
        let delta =
            [
                PayerAmounts.signed(difference, scale: scale),
                percent ? PercentChange.text(Int128(difference), of: Int128(old)) : nil,
            ].compactMap { $0 }.joined(separator: ", ")
        return "\(Decimals.format(old, scale: scale)) → \(Decimals.format(new, scale: scale)) (\(delta))"
    }
}

extension PriceComparison {
    /// The columns of `ComparisonReport.header`; an unpriced quote has empty amounts and statuses.
    public var cells: [SpreadsheetCell] {
        let common: [SpreadsheetCell] = [
            .integer(line), .text(quoteNumber), .text(market), .text(currency.code), .text(state),
            .text(oldVersion), .text(newVersion),
        ]
        switch priced {
        case .failure(let error):
            return common + Array(repeating: .empty, count: 4 + 3 * Payer.allCases.count)
                + [.text("unpriced"), .text("\(error)")]
        case .success(let pair):
            let changes = [statusChanged ? "status" : nil, payersChanged ? "payers" : nil].compactMap { $0 }
            let money = Payer.allCases.flatMap { payer -> [SpreadsheetCell] in
                let (o, n) = (pair.old.amounts[payer], pair.new.amounts[payer])
                return [.money(o, currency), .money(n, currency), .money(n.subtractingChecked(o), currency)]
            }
            return common + [
                .text(pair.old.status), .text(pair.new.status), .text(pair.old.payers.joined(separator: " ")),
                .text(pair.new.payers.joined(separator: " ")),
            ] + money + [.text(changes.joined(separator: " ")), .empty]
        }
    }
}
