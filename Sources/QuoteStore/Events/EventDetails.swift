import QuoteJSON

/// The `details` of an event: a few named texts, whole numbers and flags, written as one compact
/// JSON object with its keys in sorted order, so that the same details are always the same bytes.
public struct EventDetails: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case text(String), integer(Int), flag(Bool)
    }

    public private(set) var values: [String: Value] = [:]

    public init(_ values: [String: Value] = [:]) { self.values = values }

    /// Sets `key`; a nil text leaves it out.
    public mutating func set(_ key: String, _ text: String?) {
        if let text { values[key] = .text(text) }
    }

    public mutating func set(_ key: String, _ integer: Int) { values[key] = .integer(integer) }
    public mutating func set(_ key: String, _ flag: Bool) { values[key] = .flag(flag) }

    /// `{"a":1,"b":"x"}`: keys sorted by their UTF-8 bytes.
    public var json: String {
        var writer = JSONStreamWriter(pretty: false, capacity: 128)
        writer.beginObject()
        for key in values.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            writer.key(key)
            switch values[key] {
            case .text(let text): writer.string(text)
            case .integer(let integer): writer.number(integer)
            case .flag(let flag): writer.bool(flag)
            case nil: writer.null()
            }
        }
        writer.endObject()
        return writer.text
    }
}
