import QuoteJSON

/// Reading fields of a parsed request body.
extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The string's text, or nil.
    var text: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}
