/// Bad input, named by its field path: `device.imei: check digit should be 8` (G-5).
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field path, e.g. `repair.parts[0].sku`; empty for the document as a whole.
    public var field: String
    public var message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}
