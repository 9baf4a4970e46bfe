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

    /// Sums lines per payer. All lines must be in `currency`. Every sum is checked: a total that
    /// does not fit in Int64 is ``MoneyError/overflow``, never a trap.
    public init(lines: [ChargeLine], currency: Currency) throws(MoneyError) {
        var sums = [Sum](repeating: Sum(), count: 3)
        for line in lines {
            let index = line.payer == .consumer ? 0 : line.payer == .manufacturer ? 1 : 2
            try sums[index].add(
                net: line.net.minorUnits, vat: line.vat.minorUnits, gross: line.gross.minorUnits)
        }
        var all = Sum()
        for sum in sums { try all.add(net: sum.net, vat: sum.vat, gross: sum.gross) }
        self.init(
            consumer: sums[0].amounts(currency), manufacturer: sums[1].amounts(currency),
            retailer: sums[2].amounts(currency),
            all: all.amounts(currency))
    }

    private struct Sum {
        var net: Int64 = 0
        var vat: Int64 = 0
        var gross: Int64 = 0

        mutating func add(net: Int64, vat: Int64, gross: Int64) throws(MoneyError) {
            self.net = try Self.checked(self.net, net)
            self.vat = try Self.checked(self.vat, vat)
            self.gross = try Self.checked(self.gross, gross)
        }

        static func checked(_ a: Int64, _ b: Int64) throws(MoneyError) -> Int64 {
            let (sum, overflow) = a.addingReportingOverflow(b)
            guard !overflow else { throw .overflow }
            return sum
        }

        func amounts(_ currency: Currency) -> Amounts {
            Amounts(
                net: Money(minorUnits: net, currency: currency),
                vat: Money(minorUnits: vat, currency: currency),
                gross: Money(minorUnits: gross, currency: currency))
        }
    }
}
