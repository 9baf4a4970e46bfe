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
        var sums = [Sum](repeating: Sum(), count: 3)
        for line in lines {
            let index = line.payer == .consumer ? 0 : line.payer == .manufacturer ? 1 : 2
            sums[index].net += line.net.minorUnits
            sums[index].vat += line.vat.minorUnits
            sums[index].gross += line.gross.minorUnits
        }
        let all = Sum(
            net: sums[0].net + sums[1].net + sums[2].net, vat: sums[0].vat + sums[1].vat + sums[2].vat,
            gross: sums[0].gross + sums[1].gross + sums[2].gross)
        self.init(
            consumer: sums[0].amounts(currency), manufacturer: sums[1].amounts(currency),
            retailer: sums[2].amounts(currency),
            all: all.amounts(currency))
    }

    private struct Sum {
        var net: Int64 = 0
        var vat: Int64 = 0
        var gross: Int64 = 0

        func amounts(_ currency: Currency) -> Amounts {
            Amounts(
                net: Money(minorUnits: net, currency: currency),
                vat: Money(minorUnits: vat, currency: currency),
                gross: Money(minorUnits: gross, currency: currency))
        }
    }
}
