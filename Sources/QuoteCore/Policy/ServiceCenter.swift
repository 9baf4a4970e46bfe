/// The service center that issues a market's quotes, as the header of every document shows it
/// (`serviceCenter:` in market.yaml; docs/price-lists.md). Free text, printed as written, in every
/// language of the document: only the labels ("Phone", "E-mail") are translated.
public struct ServiceCenter: Hashable, Sendable {
    /// "Voorbeeld Reparatiecentrum Utrecht".
    public var name: String
    /// The postal address, one entry per printed line: ["Voorbeeldstraat 1", "3511 AA Utrecht"].
    public var address: [String]
    /// "+31 30 000 0000", as dialled from abroad.
    public var phone: String?
    public var email: String?
    /// The registration line where the country prints one on commercial documents
    /// ("KvK 00000000 · btw NL000000000B01"); nil where none is used.
    public var registration: String?

    public init(
        name: String, address: [String], phone: String? = nil, email: String? = nil,
        registration: String? = nil
    ) {
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.registration = registration
    }
}
