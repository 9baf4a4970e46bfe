import QuoteCore

/// A price-list file that cannot be used, with the file, line and field at fault:
/// `PriceLists/NL/market.yaml:14: fees.handling: "12,50" is not a decimal number`.
public struct PriceListError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var field: String
    public var message: String

    public init(file: String, line: Int?, field: String, _ message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}
