/// An ISO 4217 currency with its number of minor units (G-1).
///
/// `Currency(code: "EUR", minorUnits: 2)`: one euro is 100 minor units (cents).
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    public let code: String
    public let minorUnits: Int

    public init(code: String, minorUnits: Int) {
        self.code = code
        self.minorUnits = minorUnits
    }

    /// 10^minorUnits: the number of minor units in one major unit.
    public var scale: Int64 { Decimals.pow10(minorUnits) }

    public var description: String { code }

    /// The currencies the shipped markets use. A market file may name another code only with its
    /// minor units spelled out.
    public static let known: [String: Currency] = [
        "EUR": Currency(code: "EUR", minorUnits: 2),
        "USD": Currency(code: "USD", minorUnits: 2),
        "HKD": Currency(code: "HKD", minorUnits: 2),
        "PKR": Currency(code: "PKR", minorUnits: 2),
        "GBP": Currency(code: "GBP", minorUnits: 2),
        "JPY": Currency(code: "JPY", minorUnits: 0),
    ]
}
