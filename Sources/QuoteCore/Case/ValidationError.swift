/// Bad input, named by its field path: `device.imei: check digit should be 8` (G-5).
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field path, e.g. `repair.parts[0].sku`; empty for the document as a whole.
    public var field: String
    public var message: String

    /// Control and text-direction characters quoted from the input are written as escapes
    /// (`\r`, `\u{202E}`), so a message is always one line whatever the input held.
    public init(field: String, _ message: String) {
        self.field = TextSafety.isClean(field) ? field : TextSafety.escaped(field)
        self.message = TextSafety.isClean(message) ? message : TextSafety.escaped(message)
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}
