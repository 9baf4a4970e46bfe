/// Net, VAT and gross of a set of lines.
public struct Amounts: Hashable, Sendable {
    public var net: Money
    public var vat: Money
    public var gross: Money

    public init(net: Money, vat: Money, gross: Money) {
        self.net = net
        self.vat = vat
        self.gross = gross
    }

    public static func zero(_ currency: Currency) -> Amounts {
        Amounts(net: .zero(currency), vat: .zero(currency), gross: .zero(currency))
    }
}

/// Totals per payer and of all lines (G-3). `consumer + manufacturer + retailer == all`, exactly.
public struct Totals: Hashable, Sendable {
    public var consumer: Amounts
    public var manufacturer: Amounts
    public var retailer: Amounts
    public var all: Amounts

    public init(consumer: Amounts, manufacturer: Amounts, retailer: Amounts, all: Amounts) {
        self.consumer = consumer
        self.manufacturer = manufacturer
        self.retailer = retailer
        self.all = all
    }

    /// What `payer` owes.
    public subscript(payer: Payer) -> Amounts {
        switch payer {
        case .consumer: consumer
        case .manufacturer: manufacturer
        case .retailer: retailer
        }
    }

    /// Sums lines per payer. All lines must be in `currency`.
    public init(lines: [ChargeLine], currency: Currency) {
        var sums: [Payer: (Int64, Int64, Int64)] = [:]
        for line in lines {
            let s = sums[line.payer] ?? (0, 0, 0)
            sums[line.payer] = (
                s.0 + line.net.minorUnits, s.1 + line.vat.minorUnits, s.2 + line.gross.minorUnits
            )
        }
        func amounts(_ s: (Int64, Int64, Int64)) -> Amounts {
            Amounts(
                net: Money(minorUnits: s.0, currency: currency),
                vat: Money(minorUnits: s.1, currency: currency),
                gross: Money(minorUnits: s.2, currency: currency))
        }
        let zero: (Int64, Int64, Int64) = (0, 0, 0)
        let all = Payer.allCases.reduce(zero) { acc, payer in
            let s = sums[payer] ?? zero
            return (acc.0 + s.0, acc.1 + s.1, acc.2 + s.2)
        }
        self.init(
            consumer: amounts(sums[.consumer] ?? zero), manufacturer: amounts(sums[.manufacturer] ?? zero),
            retailer: amounts(sums[.retailer] ?? zero), all: amounts(all))
    }
}
