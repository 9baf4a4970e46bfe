import QuoteCore
import QuoteRendering
import QuoteStore

extension ServerServices {
    /// The consent sentence the page showed, as the form sends it back (version and language),
    /// when it is still one of the quote's market (`consent.<lang>.yaml`); nil for an unknown or
    /// outdated one, which the customer then ticks again.
    func consentShown(_ record: QuoteRecord, version: String?, language: String?) -> ConsentSentence? {
        let known = renderer.consents(market: record.market, priceListVersion: record.priceListVersion)
        guard let language, let sentence = known[language], sentence.version == version else { return nil }
        return sentence
    }

    /// The SHA-256 of the document the customer was shown and accepted: the quote's PDF as the
    /// link serves it (deterministic: the same bytes for the same quote in the same state), else
    /// its HTML document, else (a renderer without documents) the customer page that showed it.
    func documentSHA256(_ record: QuoteRecord) async throws -> String {
        if let pdf = try await pdfBytes(record) { return Digest.sha256Hex(pdf) }
        if let html = try document(record, format: .html)?.document {
            return Digest.sha256Hex(Array(html.utf8))
        }
        let (quote, serviceCase) = try recomputed(record)
        let page = try renderer.customerPage(
            .quote(decision: nil), quote: quote, case: serviceCase, languages: [], pdfLink: nil,
            answer: AnswerFormState(
                consents: renderer.consents(market: record.market, priceListVersion: record.priceListVersion))
        )
        return Digest.sha256Hex(Array(page.utf8))
    }

    /// The evidence of an acceptance through the link.
    func evidence(
        _ record: QuoteRecord, _ answer: CustomerAnswer, consent: ConsentSentence, client: EventClient
    ) async throws -> AcceptanceEvidence {
        AcceptanceEvidence(
            name: answer.name, consentVersion: consent.version, consentLanguage: consent.language,
            ip: client.ip,
            userAgent: client.userAgent, documentSHA256: try await documentSHA256(record))
    }
}
