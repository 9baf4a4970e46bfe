import QuoteCore
import QuoteStore

// The stored record's values as string literals in tests (`record.market == "PK"`,
// `message.state == "sent"`): a literal that is not a valid value stops the test. Kept out of the library, where a value comes from a string only
// through a conversion that can fail. (Not `CivilDate`: a literal conformance would turn the
// tests' failable `CivilDate("2026-03-02")` into the literal's.)

extension MarketCode: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}

extension CoverageStatus: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = Self.literal(value) }
}

extension CaseKind: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = Self.literal(value) }
}

extension OutboxMessage.State: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = Self.literal(value) }
}

extension RawRepresentable where RawValue == String {
    fileprivate static func literal(_ value: String) -> Self {
        guard let known = Self(rawValue: value) else { preconditionFailure("unknown \(Self.self): \(value)") }
        return known
    }
}
