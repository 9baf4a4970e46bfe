import Foundation

/// The sentence a customer ticks to accept a quote through the link, in one language, with the
/// version kept beside every acceptance (`PriceLists/<MARKET>/consent.<lang>.yaml`). `text` holds
/// `{number}` and `{amount}`, filled in on the page.
public struct ConsentSentence: Hashable, Sendable {
    public var language: String
    public var version: String
    public var text: String

    public init(language: String, version: String, text: String) {
        self.language = language
        self.version = version
        self.text = text
    }

    /// The sentence with the quote's number and the amount to pay filled in.
    public func filled(number: String, amount: String) -> String {
        text.replacingOccurrences(of: "{number}", with: number).replacingOccurrences(
            of: "{amount}", with: amount)
    }
}
