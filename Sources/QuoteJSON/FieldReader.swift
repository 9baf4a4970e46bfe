import QuoteCore

/// Reads typed fields out of a JSON object, naming the field path in every error (G-5).
public struct FieldReader {
    /// Case dates must fall in these years: a typo such as 9999 would otherwise give quotes that
    /// never expire and dates past year 9999.
    public static let supportedYears = 1990...2099

    public let object: JSONObject
    public let path: String
    /// The parser found every text of the document plain printable ASCII
    /// (``JSONParser/parseReportingPlainText(_:)``): texts need only their length checked.
    public let plainText: Bool

    public init(_ value: JSONValue, path: String = "", plainText: Bool = false) throws(ValidationError) {
        guard case .object(let object) = value else {
            throw ValidationError(field: path, "expected an object, got \(value.typeName)")
        }
        self.object = object
        self.path = path
        self.plainText = plainText
    }

    public func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Refuses keys this reader does not know (a typo such as "purchse" is an error, not ignored).
    public func rejectUnknownKeys(_ known: [String]) throws(ValidationError) {
        for entry in object.entries where !known.contains(entry.key) {
            throw unknownKey(entry.key, known: known)
        }
    }

    /// `rejectUnknownKeys(_: [String])` for keys made once: ASCII keys are told apart by length
    /// before any text is compared.
    public func rejectUnknownKeys(_ known: KnownKeys) throws(ValidationError) {
        guard known.allASCII && !object.hasNonASCIIKey else { return try rejectUnknownKeys(known.keys) }
        let unknown = object.entries.withUnsafeBufferPointer { entries in
            known.keys.withUnsafeBufferPointer { known -> Int? in
                search: for index in entries.indices {
                    let length = entries[index].key.utf8.count
                    for key in known.indices
                    where known[key].utf8.count == length && known[key] == entries[index].key {
                        continue search
                    }
                    return index
                }
                return nil
            }
        }
        if let unknown { throw unknownKey(object.entries[unknown].key, known: known.keys) }
    }

    private func unknownKey(_ unknown: String, known: [String]) -> ValidationError {
        ValidationError(
            field: field(unknown),
            "unknown field (expected one of: \(known.sorted().joined(separator: ", ")))")
    }

    /// The value of `key`, treating JSON null as absent.
    public func value(_ key: String) -> JSONValue? {
        guard let value = object[key] else { return nil }
        if case .null = value { return nil }
        return value
    }

    public func require(_ key: String) throws(ValidationError) -> JSONValue {
        guard let value = value(key) else { throw ValidationError(field: field(key), "is required") }
        return value
    }

    /// The longest text a case field may hold, in UTF-8 bytes.
    public static let maxTextBytes = 1000

    /// A text field. Every text of a case is free of control characters (CR, LF, NUL, C1) and of
    /// Unicode text-direction overrides (a name written backwards on a quote is a spoofing trick),
    /// and at most ``maxTextBytes`` long, so it prints on one line of a document, a log or a mail.
    public func string(_ key: String) throws(ValidationError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let s) = value else {
            throw ValidationError(field: field(key), "expected a string, got \(value.typeName)")
        }
        try checkText(s, field: field(key))
        return s
    }

    /// ``checkText(_:field:)``, without the character scan when the parser vouched for the texts.
    public func checkText(_ text: String, field: @autoclosure () -> String) throws(ValidationError) {
        if plainText {
            guard text.utf8.count <= Self.maxTextBytes else {
                throw ValidationError(field: field(), "is longer than \(Self.maxTextBytes) bytes")
            }
        } else {
            try Self.checkText(text, field: field())
        }
    }

    /// Refuses control and text-direction characters and overlong texts, naming `field`.
    /// The field's path is built only for an error.
    public static func checkText(_ text: String, field: @autoclosure () -> String) throws(ValidationError) {
        let utf8 = text.utf8
        guard utf8.count <= maxTextBytes else {
            throw ValidationError(field: field(), "is longer than \(maxTextBytes) bytes")
        }
        guard TextSafety.isClean(text) else {
            throw ValidationError(field: field(), "contains a control or text-direction character")
        }
    }

    public func requiredString(_ key: String) throws(ValidationError) -> String {
        guard let s = try string(key) else { throw ValidationError(field: field(key), "is required") }
        guard !s.trimmingSpaces.isEmpty else { throw ValidationError(field: field(key), "must not be empty") }
        return s
    }

    public func bool(_ key: String, default defaultValue: Bool) throws(ValidationError) -> Bool {
        guard let value = value(key) else { return defaultValue }
        guard case .bool(let b) = value else {
            throw ValidationError(field: field(key), "expected true or false, got \(value.typeName)")
        }
        return b
    }

    public func requiredBool(_ key: String) throws(ValidationError) -> Bool {
        guard value(key) != nil else {
            throw ValidationError(field: field(key), "is required (true or false)")
        }
        return try bool(key, default: false)
    }

    public func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type)
        throws(ValidationError) -> E?
    where E.RawValue == String {
        guard let text = try string(key) else { return nil }
        return try Self.parseEnum(text, E.self, field: field(key))
    }

    public func requiredEnum<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type)
        throws(ValidationError) -> E
    where E.RawValue == String {
        guard let value = try enumValue(key, type) else {
            throw ValidationError(field: field(key), "is required")
        }
        return value
    }

    public static func parseEnum<E: RawRepresentable & CaseIterable>(_ text: String, _: E.Type, field: String)
        throws(ValidationError) -> E
    where E.RawValue == String {
        guard let value = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(field: field, "unknown value \"\(text)\" (expected one of: \(allowed))")
        }
        return value
    }

    public func date(_ key: String) throws(ValidationError) -> CivilDate? {
        guard let text = try string(key) else { return nil }
        guard let date = CivilDate(text) else {
            throw ValidationError(
                field: field(key), "\"\(text)\" is not a date of the form YYYY-MM-DD that exists")
        }
        guard Self.supportedYears.contains(date.year) else {
            throw ValidationError(
                field: field(key),
                "\(text) is outside the supported years \(Self.supportedYears.lowerBound) to \(Self.supportedYears.upperBound)"
            )
        }
        return date
    }

    public func requiredDate(_ key: String) throws(ValidationError) -> CivilDate {
        guard let date = try date(key) else {
            throw ValidationError(field: field(key), "is required (YYYY-MM-DD)")
        }
        return date
    }

    /// A whole number written as a JSON integer ("2", not "2.0" or "\"2\"").
    public func integer(_ key: String) throws(ValidationError) -> Int? {
        guard let value = value(key) else { return nil }
        if case .number(let text) = value, Int(text) == nil, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw ValidationError(field: field(key), "\(text) is too large")
        }
        guard case .number(let text) = value, let n = Int(text) else {
            throw ValidationError(
                field: field(key),
                "expected a whole number, got \(value.typeName == "a number" ? "\(value)" : value.typeName)")
        }
        return n
    }

    public func object(_ key: String) throws(ValidationError) -> FieldReader? {
        guard let value = value(key) else { return nil }
        return try FieldReader(value, path: field(key), plainText: plainText)
    }

    public func requiredObject(_ key: String) throws(ValidationError) -> FieldReader {
        try FieldReader(try require(key), path: field(key), plainText: plainText)
    }

    public func array(_ key: String) throws(ValidationError) -> [(value: JSONValue, path: String)] {
        guard let value = value(key) else { return [] }
        guard case .array(let values) = value else {
            throw ValidationError(field: field(key), "expected an array, got \(value.typeName)")
        }
        return values.enumerated().map { ($1, "\(field(key))[\($0)]") }
    }

    public func stringArray(_ key: String) throws(ValidationError) -> [(text: String, path: String)] {
        var result: [(String, String)] = []
        for (value, path) in try array(key) {
            guard case .string(let s) = value else {
                throw ValidationError(field: path, "expected a string, got \(value.typeName)")
            }
            try checkText(s, field: path)
            result.append((s, path))
        }
        return result
    }
}
