/// An ISO 4217 currency with its number of minor units (G-1).
///
/// `Currency(code: "EUR", minorUnits: 2)`: one euro is 100 minor units (cents).
///
/// The code is packed into an integer so that `Money` is a plain value without reference counting.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    private let packed: UInt32
    public let minorUnits: Int

    /// `code` must be three ASCII letters ("EUR"); the price-list loader checks this.
    public init(code: String, minorUnits: Int) {
        precondition(Currency.isValidCode(code), "a currency code is three ASCII letters")
        self.packed = code.utf8.reduce(0) { $0 << 8 | UInt32($1) }
        self.minorUnits = minorUnits
    }

    /// Three ASCII letters, as ISO 4217 codes are.
    public static func isValidCode(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { (65...90).contains($0) || (97...122).contains($0) }
    }

    /// "EUR".
    public var code: String {
        String(
            decoding: [UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF)],
            as: UTF8.self)
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
