import QuoteCore

/// The service center in the document's header (`{{#serviceCenter}}`): its name, postal address,
/// labelled contacts and registration line, as `market.yaml` gives them (only the labels are
/// translated). Absent when the market names no service center: the header then shows none.
package final class ServiceCenterView {
    /// "Voorbeeld Reparatiecentrum Utrecht".
    package var name: String
    /// The address, one entry per line.
    package var address: [String]
    /// Phone and e-mail with their labels ("Telefoon" / "+31 30 000 0000"), those given.
    package var contacts: [Fact]
    /// "KvK 00000000 · btw-id NL000000000B01", when the market prints one.
    package var registration: String?

    init(name: String, address: [String], contacts: [Fact], registration: String?) {
        self.name = name
        self.address = address
        self.contacts = contacts
        self.registration = registration
    }
}

extension ServiceCenterView: ViewNode {
    func value(_ field: Field) -> ViewValue? {
        switch field {
        case .name: .text(name)
        case .address: .strings(address)
        case .contacts: .list(.facts(contacts))
        case .registration: .optional(registration)
        default: nil
        }
    }
}

extension DocumentBuilder {
    /// The header's service center, with the labels `ui.phone` and `ui.email`.
    func serviceCenter(_ center: ServiceCenter?) throws(RenderError) -> ServiceCenterView? {
        guard let center else { return nil }
        var contacts: [Fact] = []
        if let phone = center.phone {
            contacts.append(Fact(label: try labels.text("ui.phone"), value: phone))
        }
        if let email = center.email {
            contacts.append(Fact(label: try labels.text("ui.email"), value: email))
        }
        return ServiceCenterView(
            name: center.name, address: center.address, contacts: contacts, registration: center.registration)
    }
}
