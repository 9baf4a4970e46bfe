/// An exact amount of one currency, in integer minor units (G-1).
///
/// `Money(minorUnits: 4719, currency: eur)` is € 47.19. Adding amounts of two currencies is a typed
/// error (`MoneyError.currencyMismatch`), never a silent sum.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    /// Parses an amount strictly from its text: `Money.parse("9.50", currency: eur)`.
    /// "12abc", "1,5" and "1.2.3" are refused; so are more decimals than the currency has.
    public static func parse(_ text: String, currency: Currency) throws(Decimals.ParseError) -> Money {
        Money(minorUnits: try Decimals.parse(text, scale: currency.minorUnits), currency: currency)
    }

    /// The amount as contract text with all minor digits: "47.19", "-5.00".
    public var text: String { Decimals.format(minorUnits, scale: currency.minorUnits) }

    public var description: String { "\(currency.code) \(text)" }

    public var isNegative: Bool { minorUnits < 0 }

    public var negated: Money { Money(minorUnits: -minorUnits, currency: currency) }

    /// The sum, or `currencyMismatch` when the currencies differ.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        guard other.currency == currency else { throw .currencyMismatch(currency, other.currency) }
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else { throw .overflow }
        return Money(minorUnits: sum, currency: currency)
    }

    /// The amount times a whole quantity.
    public func times(_ quantity: Int) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: Int64(quantity))
        guard !overflow else { throw .overflow }
        return Money(minorUnits: product, currency: currency)
    }
}

/// Arithmetic that cannot be done exactly.
public enum MoneyError: Error, Equatable, CustomStringConvertible {
    case currencyMismatch(Currency, Currency)
    case overflow

    public var description: String {
        switch self {
        case .currencyMismatch(let a, let b): "cannot add \(a.code) and \(b.code)"
        case .overflow: "amount too large"
        }
    }
}
