import QuoteCore

/// A quote's compact JSON without its number. `QuoteEncoder` writes `number` first, so the JSON of
/// the unnumbered quote is `{"number":null` followed by the rest; giving it a number writes the
/// number and copies the rest in (`JSONStreamWriter.embedMembers`). Should the encoder ever write
/// another opening, the quote is encoded again instead, so the result is always exactly
/// `QuoteEncoder.encode` of the numbered quote.
///
/// The store numbers a quote this way inside its transaction; the finance check compares a stored
/// quote with a recomputed one after the number (`afterNumber`).
public struct UnnumberedQuoteJSON: Sendable {
    static let opening = Array(#"{"number":null"#.utf8)
    private let quote: Quote
    /// The bytes after the opening (`,"market":…}`), or nil when the encoder wrote another opening.
    public let afterNumber: ArraySlice<UInt8>?

    public init(_ quote: Quote) {
        var unnumbered = quote
        unnumbered.number = nil
        self.quote = unnumbered
        let bytes = QuoteEncoder.bytes(unnumbered, pretty: false)
        afterNumber = bytes.starts(with: Self.opening) ? bytes[Self.opening.count...] : nil
    }

    /// The compact JSON of the quote numbered `number`.
    public func numbered(_ number: String) -> String {
        guard let afterNumber, afterNumber.first == UInt8(ascii: ","), afterNumber.last == UInt8(ascii: "}")
        else {
            var numbered = quote
            numbered.number = number
            return QuoteEncoder.encode(numbered, pretty: false)
        }
        var w = JSONStreamWriter(pretty: false, capacity: afterNumber.count + number.utf8.count + 16)
        w.beginObject()
        w.field("number", number)
        w.embedMembers(afterNumber.dropFirst().dropLast())
        w.endObject()
        return w.text
    }
}
