import QuoteCore

/// What the customer page's answer form shows besides its two buttons: the consent sentence of
/// the quote's market in the page's language (`consents`, by language; English, else any, when
/// the page's language has none), and after a refused answer what was typed and, next to each
/// field, what is wrong (``QuoteCore/CustomerAnswer/problems``).
public struct AnswerFormState: Sendable, Equatable {
    public var consents: [String: ConsentSentence]
    public var answer: CustomerAnswer?

    public init(consents: [String: ConsentSentence] = [:], answer: CustomerAnswer? = nil) {
        self.consents = consents
        self.answer = answer
    }

    /// The consent sentence shown in `language`.
    public func consent(in language: String) -> ConsentSentence? {
        consents[language] ?? consents["en"] ?? consents.keys.sorted().first.flatMap { consents[$0] }
    }
}
