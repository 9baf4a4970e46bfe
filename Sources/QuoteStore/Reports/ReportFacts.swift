import QuoteCore
import QuoteJSON

/// What the finance reports read of one quote without parsing it, written beside the quote in the
/// same transaction (tables `report_quotes` and `report_charges`, migration `v9-report-columns`):
/// its currency and model family, and its charges per payer for each answer the customer may give,
/// chosen by the rule of ``QuoteCore/DecisionCharges`` (the one `export --summary` follows), so
/// that a report joins a decision with the charges it fixed.
///
/// An out-of-warranty repair of EUR 39.00 labour and EUR 100.00 parts with an inspection fee of
/// EUR 25.00 if rejected has the rows (accepted, consumer, 2 lines, 13900) and
/// (rejected, consumer, 1 line, 2500).
struct ReportFacts: Sendable {
    /// One payer's share of the charges an answer fixes, in minor units of the quote's currency.
    struct Charge: Sendable, Equatable {
        var outcome: Decision
        var payer: String
        var lines: Int64 = 0
        var net: Int64 = 0
        var vat: Int64 = 0
        var gross: Int64 = 0
    }

    /// The migration that adds the tables to both stores and back-fills them.
    static let migrationName = "v9-report-columns"
    /// The answers whose charges are kept.
    static let outcomes: [Decision] = [.accepted, .rejected]

    var number: String
    var currency: String
    var modelFamily: String
    var charges: [Charge]

    /// The facts of a computed quote.
    init(number: String, quote: Quote, model: String?) {
        self.number = number
        currency = quote.currency.code
        modelFamily = Self.family(model)
        charges = Self.outcomes.flatMap { outcome in
            Self.perPayer(
                outcome,
                quote.charges(for: outcome).lines.map {
                    ($0.payer.rawValue, $0.net.minorUnits, $0.vat.minorUnits, $0.gross.minorUnits)
                })
        }
    }

    /// The facts of a stored quote's JSON (quotes stored before the tables); nil when the JSON
    /// has no known currency or an amount that does not parse.
    init?(number: String, quoteJSON: String, model: String?) {
        guard case .object(let quote)? = try? JSONParser.parse(quoteJSON),
            case .string(let code)? = quote["currency"], let currency = Currency.known[code]
        else { return nil }
        var charges: [Charge] = []
        for outcome in Self.outcomes {
            var amounts: [(String, Int64, Int64, Int64)] = []
            for case .object(let line) in DecidedCharges.lines(from: quote, decision: outcome) {
                func amount(_ key: String) -> Int64? {
                    guard case .string(let text)? = line[key] else { return nil }
                    return try? Decimals.parse(text, scale: currency.minorUnits)
                }
                guard case .string(let payer)? = line["payer"], let net = amount("net"),
                    let vat = amount("vat"),
                    let gross = amount("gross")
                else { return nil }
                amounts.append((payer, net, vat, gross))
            }
            charges += Self.perPayer(outcome, amounts)
        }
        self.number = number
        self.currency = code
        modelFamily = Self.family(model)
        self.charges = charges
    }

    /// The lines summed per payer, payers in name order.
    static func perPayer(
        _ outcome: Decision, _ lines: [(payer: String, net: Int64, vat: Int64, gross: Int64)]
    )
        -> [Charge]
    {
        var byPayer: [String: Charge] = [:]
        for line in lines {
            var charge = byPayer[line.payer] ?? Charge(outcome: outcome, payer: line.payer)
            charge.lines += 1
            charge.net += line.net  // Swift's + traps on overflow; a quote's lines never come near
            charge.vat += line.vat
            charge.gross += line.gross
            byPayer[line.payer] = charge
        }
        return byPayer.keys.sorted().map { byPayer[$0]! }
    }

    /// A model's family: its words up to the first that holds a digit ("iPhone 15 Pro Max" →
    /// "iPhone 15", "Galaxy S23 Ultra" → "Galaxy S23"), the whole name when none does
    /// ("MacBook Air"), empty without a model.
    static func family(_ model: String?) -> String {
        let words = (model ?? "").split(whereSeparator: \.isWhitespace)
        guard let index = words.firstIndex(where: { $0.contains(where: \.isNumber) }) else {
            return words.joined(separator: " ")
        }
        return words[...index].joined(separator: " ")
    }
}
