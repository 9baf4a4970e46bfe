import QuoteCore
import Yams

extension ServiceCenter {
    static let keys: Set<String> = ["name", "address", "phone", "email", "registration"]
    /// The longest name, address line or registration line: what a document's header can hold.
    static let maximumLength = 100
    /// At most this many address lines.
    static let maximumAddressLines = 6

    /// Reads the optional `serviceCenter:` block of `market.yaml`:
    ///
    /// ```yaml
    /// serviceCenter:
    ///   name: Voorbeeld Reparatiecentrum Utrecht
    ///   address: [Voorbeeldstraat 1, 3511 AA Utrecht]
    ///   phone: "+31 30 000 0000"
    ///   email: service.nl@example.com
    ///   registration: KvK 00000000 · btw NL000000000B01
    /// ```
    ///
    /// `name` and `address` (one to six lines) are required; `phone`, `email` and `registration`
    /// are optional. Every text is one printable line of at most 100 characters.
    init(yaml r: YAMLReader) throws(PriceListError) {
        try r.rejectUnknownKeys(Self.keys)
        let name = try Self.line(r, "name")
        guard let name else { throw r.fail("is required (the service center's name)", key: "name") }
        self.init(
            name: name, address: try Self.address(r), phone: try Self.phone(r), email: try Self.email(r),
            registration: try Self.line(r, "registration"))
    }

    /// A one-line text: not empty, no control or direction characters, at most 100 characters.
    static func line(_ r: YAMLReader, _ key: String) throws(PriceListError) -> String? {
        guard let text = try r.string(key) else { return nil }
        try check(text, r, key: key, at: r.value(key))
        return text
    }

    static func check(_ text: String, _ r: YAMLReader, key: String, at node: Node?) throws(PriceListError) {
        if text.trimmingSpaces.isEmpty { throw r.fail("must not be empty", key: key, at: node) }
        guard TextSafety.isClean(text) else {
            throw r.fail(
                "\"\(TextSafety.escaped(text))\" holds a control or text-direction character", key: key,
                at: node)
        }
        guard text.count <= maximumLength else {
            throw r.fail("is \(text.count) characters long (at most \(maximumLength))", key: key, at: node)
        }
    }

    /// `address:` one to six lines, as a list (a single line may be written as a plain value).
    static func address(_ r: YAMLReader) throws(PriceListError) -> [String] {
        guard let value = r.value("address") else {
            throw r.fail("is required (the postal address, one list item per line)", key: "address")
        }
        let nodes: [Node]
        if case .scalar = value {
            nodes = [value]
        } else if let sequence = value.sequence {
            nodes = Array(sequence)
        } else {
            throw r.fail("expected a list of lines", key: "address", at: value)
        }
        guard (1...maximumAddressLines).contains(nodes.count) else {
            throw r.fail(
                "has \(nodes.count) lines (1 to \(maximumAddressLines))", key: "address", at: value)
        }
        var lines: [String] = []
        for (index, node) in nodes.enumerated() {
            guard case .scalar(let scalar) = node else {
                throw r.fail("expected a line of text", key: "address[\(index)]", at: node)
            }
            try check(scalar.string, r, key: "address[\(index)]", at: node)
            lines.append(scalar.string)
        }
        return lines
    }

    /// `phone:` digits with `+`, spaces, `-`, `.`, `/` and parentheses; at least five digits.
    static func phone(_ r: YAMLReader) throws(PriceListError) -> String? {
        guard let phone = try line(r, "phone") else { return nil }
        let allowed = phone.allSatisfy { ($0.isASCII && $0.isNumber) || "+ -./()".contains($0) }
        let digits = phone.filter { $0.isASCII && $0.isNumber }.count
        guard allowed, digits >= 5, phone.count <= 30 else {
            throw r.fail(
                "\"\(phone)\" is not a telephone number (5 or more digits, with + - . / ( ) and spaces, "
                    + "at most 30 characters: \"+31 30 000 0000\")", key: "phone", at: r.value("phone"))
        }
        return phone
    }

    /// `email:` one address `name@domain.tld`, without spaces.
    static func email(_ r: YAMLReader) throws(PriceListError) -> String? {
        guard let email = try line(r, "email") else { return nil }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let domain = parts.count == 2 ? parts[1] : ""
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
            !email.contains(where: \.isWhitespace)
        else {
            throw r.fail(
                "\"\(email)\" is not an e-mail address (name@domain.example)", key: "email",
                at: r.value("email"))
        }
        return email
    }
}
