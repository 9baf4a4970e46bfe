import QuoteCore
import QuoteJSON

/// What the quote list searches and shows of a case without parsing it: the reference, the model
/// and one lower-cased text of the number, reference, IMEI, serial, customer name, e-mail and model,
/// separated by a unit separator so that a match never spans two of them.
struct SearchColumns {
    var reference: String?
    var model: String?
    var text: String

    init(number: String, serviceCase c: ServiceCase) {
        reference = c.reference
        model = c.device.model
        text = Self.join([
            number, c.reference, c.device.imei, c.device.serial, c.customer.name, c.customer.email,
            c.device.model,
        ])
    }

    /// From a stored case (quotes issued before these columns existed).
    init(number: String, caseJSON: String) {
        guard case .object(let root)? = try? JSONParser.parse(caseJSON) else {
            self.init(reference: nil, model: nil, text: Self.join([number]))
            return
        }
        func string(_ object: JSONValue?, _ key: String) -> String? {
            if case .object(let o)? = object, case .string(let s)? = o[key] { return s }
            return nil
        }
        let reference: String? = if case .string(let s)? = root["reference"] { s } else { nil }
        self.init(
            reference: reference, model: string(root["device"], "model"),
            text: Self.join([
                number, reference, string(root["device"], "imei"), string(root["device"], "serial"),
                string(root["customer"], "name"), string(root["customer"], "email"),
                string(root["device"], "model"),
            ]))
    }

    init(reference: String?, model: String?, text: String) {
        self.reference = reference
        self.model = model
        self.text = text
    }

    static func join(_ parts: [String?]) -> String {
        parts.compactMap { $0?.lowercased() }.joined(separator: "\u{1F}")
    }

    /// The `LIKE` pattern of a search: lower case, with `%`, `_` and the escape itself escaped.
    static func pattern(_ query: String) -> String {
        var escaped = ""
        for character in query.lowercased() {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
