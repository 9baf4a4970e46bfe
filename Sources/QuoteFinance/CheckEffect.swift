import QuoteCore
import QuoteJSON

/// The money in one differing quote: its stored lines' gross minus the recomputed lines' gross,
/// per payer, in minor units of the quote's currency. A cent too much on a consumer line is
/// `consumer +0.01`; a line the stored quote lacks is minus its gross for its payer; a line moved
/// from the consumer to the manufacturer is `consumer -24.08, manufacturer +24.08`.
public struct CheckEffect: Hashable, Sendable {
    public var market: String
    public var currency: Currency
    /// Stored minus recomputed.
    public var amounts: PayerAmounts

    /// `effect (stored − recomputed): consumer +0.01` (or `none` when no payer's total moves,
    /// e.g. only a description or a total differs).
    public var text: String { "effect (stored − recomputed): " + amounts.text(scale: currency.minorUnits) }
}

/// The effects of a check run per market and currency: how many quotes differ and the sum of
/// their effects per payer.
public struct CheckEffects: Hashable, Sendable {
    public typealias Key = MarketCurrency

    public struct Sums: Hashable, Sendable {
        public var quotes = 0
        public var amounts = PayerAmounts()
    }

    public private(set) var groups: [Key: Sums] = [:]

    public init() {}

    public mutating func add(_ effect: CheckEffect?) {
        guard let effect else { return }
        let key = Key(market: effect.market, currency: effect.currency)
        groups[key, default: Sums()].quotes += 1
        groups[key, default: Sums()].amounts += effect.amounts
    }

    public mutating func merge(_ other: CheckEffects) {
        for (key, sums) in other.groups {
            groups[key, default: Sums()].quotes += sums.quotes
            groups[key, default: Sums()].amounts += sums.amounts
        }
    }

    /// `effect: NL EUR: 3 differing quotes, stored − recomputed: consumer +0.01, manufacturer -69.00`
    public var lines: [String] {
        groups.keys.sorted().map { key in
            let sums = groups[key]!
            return "effect: \(key.market) \(key.currency.code): \(sums.quotes) differing "
                + "\(sums.quotes == 1 ? "quote" : "quotes"), stored − recomputed: "
                + sums.amounts.text(scale: key.currency.minorUnits)
        }
    }
}

extension QuoteChecker {
    /// The effect of a differing quote: the gross of the stored `quote.lines` per payer minus the
    /// recomputed quote's. Nil when the stored lines cannot be read as amounts and payers (the
    /// differences still say what is wrong).
    func effect(of recomputed: Quote, stored: StoredQuote, in line: UnsafeBufferPointer<UInt8>)
        -> CheckEffect?
    {
        guard case .object(let quote)? = try? JSONParser.parse(Array(line[stored.range])) else { return nil }
        var amounts = PayerAmounts()
        if case .array(let lines)? = quote["lines"] {
            for value in lines {
                guard case .object(let l) = value, case .string(let name)? = l["payer"],
                    let payer = Payer(rawValue: name), case .string(let gross)? = l["gross"],
                    let minor = try? Decimals.parse(gross, scale: recomputed.currency.minorUnits)
                else { return nil }
                amounts[payer] = amounts[payer].addingChecked(minor)
            }
        }
        return CheckEffect(
            market: recomputed.market.rawValue, currency: recomputed.currency,
            amounts: amounts - PayerAmounts(gross: recomputed.lines))
    }
}
