import QuoteCore

/// An amount per payer (consumer, manufacturer, retailer) in minor units of one currency, summed
/// with checked arithmetic. `reprice --compare`, `check` and `reconcile` total money per payer with it.
///
///     var a = PayerAmounts(); a[.consumer] = 12450; a[.manufacturer] = 8000
///     (a - PayerAmounts(consumer: 12300)).text(scale: 2) == "consumer +1.50, manufacturer +80.00"
public struct PayerAmounts: Hashable, Sendable {
    public var consumer: Int64 = 0
    public var manufacturer: Int64 = 0
    public var retailer: Int64 = 0

    public init(consumer: Int64 = 0, manufacturer: Int64 = 0, retailer: Int64 = 0) {
        self.consumer = consumer
        self.manufacturer = manufacturer
        self.retailer = retailer
    }

    /// The gross of `lines` summed per payer.
    public init(gross lines: [ChargeLine]) {
        for line in lines { self[line.payer] = self[line.payer].addingChecked(line.gross.minorUnits) }
    }

    public subscript(payer: Payer) -> Int64 {
        get {
            switch payer {
            case .consumer: consumer
            case .manufacturer: manufacturer
            case .retailer: retailer
            }
        }
        set {
            switch payer {
            case .consumer: consumer = newValue
            case .manufacturer: manufacturer = newValue
            case .retailer: retailer = newValue
            }
        }
    }

    public var isZero: Bool { consumer == 0 && manufacturer == 0 && retailer == 0 }

    public static func + (a: PayerAmounts, b: PayerAmounts) -> PayerAmounts {
        PayerAmounts(
            consumer: a.consumer.addingChecked(b.consumer),
            manufacturer: a.manufacturer.addingChecked(b.manufacturer),
            retailer: a.retailer.addingChecked(b.retailer))
    }

    public static func - (a: PayerAmounts, b: PayerAmounts) -> PayerAmounts {
        PayerAmounts(
            consumer: a.consumer.subtractingChecked(b.consumer),
            manufacturer: a.manufacturer.subtractingChecked(b.manufacturer),
            retailer: a.retailer.subtractingChecked(b.retailer))
    }

    public static func += (a: inout PayerAmounts, b: PayerAmounts) { a = a + b }

    /// The payers whose amount is not zero, each signed: `consumer +1.50, manufacturer -80.00`;
    /// `none` when every amount is zero.
    public func text(scale: Int) -> String {
        let parts = Payer.allCases.filter { self[$0] != 0 }.map {
            "\($0.rawValue) \(Self.signed(self[$0], scale: scale))"
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// `+1.50`, `-0.01`, `0.00`.
    public static func signed(_ value: Int64, scale: Int) -> String {
        (value > 0 ? "+" : "") + Decimals.format(value, scale: scale)
    }
}
