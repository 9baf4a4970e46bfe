/// What the customer's own acceptance through the link leaves as evidence of a simple electronic
/// signature: the name they typed, the consent sentence they ticked (its version and language),
/// where they sent it from, and the SHA-256 of the exact document they were shown. The time is
/// the decision's (the service's clock). Kept on the decision row and in the `decided` event.
public struct AcceptanceEvidence: Sendable, Equatable {
    public var name: String
    public var consentVersion: String
    public var consentLanguage: String
    public var ip: String?
    public var userAgent: String?
    /// Lowercase hex SHA-256 of the document (the quote's PDF in that state and language).
    public var documentSHA256: String

    public init(
        name: String, consentVersion: String, consentLanguage: String, ip: String?, userAgent: String?,
        documentSHA256: String
    ) {
        self.name = name
        self.consentVersion = consentVersion
        self.consentLanguage = consentLanguage
        self.ip = ip
        self.userAgent = userAgent
        self.documentSHA256 = documentSHA256
    }

    /// The decision row's columns that hold it (added by `v6-events`).
    static let columns = [
        "evidence_name", "consent_version", "consent_language", "client_ip", "user_agent", "document_sha256",
    ]

    /// Its row values in ``columns`` order.
    var values: [String?] { [name, consentVersion, consentLanguage, ip, userAgent, documentSHA256] }

    /// The evidence of a decision row, when it has one.
    init?(row: some ColumnReader) throws {
        guard let name = try row.optionalString("evidence_name") else { return nil }
        self.init(
            name: name, consentVersion: try row.optionalString("consent_version") ?? "",
            consentLanguage: try row.optionalString("consent_language") ?? "",
            ip: try row.optionalString("client_ip"),
            userAgent: try row.optionalString("user_agent"),
            documentSHA256: try row.optionalString("document_sha256") ?? "")
    }
}
