import QuoteCore
import QuoteStore

extension ServerServices {
    /// The consent sentence the page showed, as the form sends it back (version and language),
    /// when it is still one of the quote's market (`consent.<lang>.yaml`; the plain page's own
    /// without a renderer); nil for an unknown or outdated one, which the customer then ticks again.
    func consentShown(_ record: QuoteRecord, version: String?, language: String?) -> ConsentSentence? {
        var known = renderer.consents(market: record.market, priceListVersion: record.priceListVersion)
        if known.isEmpty { known[CustomerPage.plainConsent.language] = CustomerPage.plainConsent }
        guard let language, let sentence = known[language], sentence.version == version else { return nil }
        return sentence
    }

    /// The SHA-256 of the document the customer was shown and accepted: the quote's PDF as the
    /// link serves it (deterministic: the same bytes for the same quote in the same state), else
    /// its HTML document, else the plain page of a service without a renderer.
    func documentSHA256(_ record: QuoteRecord) async throws -> String {
        if let pdf = try await pdfBytes(record) { return Digest.sha256Hex(pdf) }
        let html = try document(record, format: .html)?.document ?? CustomerPage.fallback(record, .quote(decision: nil))
        return Digest.sha256Hex(Array(html.utf8))
    }

    /// The evidence of an acceptance through the link.
    func evidence(
        _ record: QuoteRecord, _ answer: CustomerAnswer, consent: ConsentSentence, client: EventClient
    ) async throws -> AcceptanceEvidence {
        AcceptanceEvidence(
            name: answer.name, consentVersion: consent.version, consentLanguage: consent.language, ip: client.ip,
            userAgent: client.userAgent, documentSHA256: try await documentSHA256(record))
    }
}
