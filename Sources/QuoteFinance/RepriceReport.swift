import QuoteCore

/// The per-quote report of `reprice`, as text or as CSV fields.
///
///     line 3: NL-2026-000003: consumer 189.90 → 199.90 (+10.00) [2025.1 → 2026.1]
///     line 7: HK-2026-000007: consumer 0.00 → 1520.00 (+1520.00) [2026.1 → 2026.1]; status in-warranty → out-of-warranty; payers manufacturer → consumer
///     line 9: US-2026-000009: cannot be priced on 2027-01-01: repair.parts[0].sku: unknown SKU "TV32-SWAP" in the US parts list
public enum RepriceReport {
    public static let header = [
        "line", "quote", "market", "currency", "oldVersion", "newVersion", "oldStatus", "newStatus",
        "oldPayers",
        "newPayers", "old", "new", "difference", "changes", "reason",
    ]

    public static func text(_ r: RepriceResult, date: CivilDate) -> String {
        let head = "line \(r.line): \(r.quoteNumber.isEmpty ? "-" : r.quoteNumber): "
        switch r.new {
        case .failure(let error):
            return head + "cannot be priced on \(date): \(error)\n"
        case .success(let n):
            let scale = r.currency.minorUnits
            let difference = n.consumer &- r.oldConsumer
            var out =
                head + "consumer \(Decimals.format(r.oldConsumer, scale: scale)) → "
                + "\(Decimals.format(n.consumer, scale: scale)) (\(difference >= 0 ? "+" : "")"
                + "\(Decimals.format(difference, scale: scale))) [\(r.oldVersion) → \(n.version)]"
            if r.statusChanged { out += "; status \(r.oldStatus) → \(n.status)" }
            if r.payersChanged {
                out += "; payers \(names(r.oldPayers)) → \(names(n.payers))"
            }
            return out + "\n"
        }
    }

    /// `consumer, manufacturer`, or `(none)` for a quote without lines.
    static func names(_ payers: [String]) -> String {
        payers.isEmpty ? "(none)" : payers.joined(separator: ", ")
    }

    public static func fields(_ r: RepriceResult, _ format: CSVFormat) -> [String] {
        r.cells.map { $0.csvField(format) }
    }
}

extension RepriceResult {
    /// The columns of `RepriceReport.header`; an unpriced quote has empty new values.
    public var cells: [SpreadsheetCell] {
        let common: [SpreadsheetCell] = [
            .integer(line), .text(quoteNumber), .text(market), .text(currency.code), .text(oldVersion),
        ]
        let old = SpreadsheetCell.money(oldConsumer, currency)
        switch new {
        case .failure(let error):
            return common + [
                .empty, .text(oldStatus), .empty, .text(oldPayers.joined(separator: " ")), .empty, old,
                .empty,
                .empty, .text("unpriced"), .text("\(error)"),
            ]
        case .success(let n):
            let changes = [statusChanged ? "status" : nil, payersChanged ? "payers" : nil].compactMap { $0 }
            return common + [
                .text(n.version), .text(oldStatus), .text(n.status), .text(oldPayers.joined(separator: " ")),
                .text(n.payers.joined(separator: " ")), old, .money(n.consumer, currency),
                .money(n.consumer &- oldConsumer, currency), .text(changes.joined(separator: " ")), .empty,
            ]
        }
    }
}
