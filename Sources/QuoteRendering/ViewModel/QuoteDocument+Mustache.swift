import Mustache

/// Records names a template asked for that no view-model object has, so that a typo in a
/// template is an error naming the field rather than an empty string. One per render.
final class MissLog {
    private(set) var names: [String] = []
    func record(_ name: String) { names.append(name) }
}

/// A known field without a value: renders as "", skips `{{#…}}`, enters `{{^…}}`. Unlike nil it
/// stops the name lookup from climbing to outer objects (and from being reported as unknown).
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

func orAbsent(_ value: Any?) -> Any { value ?? Absent() }

/// The `ui` labels of a language, as templates see them: `{{ui.issueDate}}`.
struct UILabels: MustacheParent {
    let table: [String: String]
    let log: MissLog

    func child(named name: String) -> Any? {
        if let text = table[name] { return text }
        log.record("ui." + name)
        return nil
    }
}

// Field lookup by switch rather than Mirror: faster, and the list of names a template may use.

extension QuoteDocument: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "ui": ui
        case "number": number
        case "isDraft": isDraft
        case "facts": facts
        case "parties": parties
        case "sampleNotice": orAbsent(sampleNotice)
        case "status": status
        case "statusCode": statusCode
        case "summary": summary
        case "rules": rules
        case "advice": advice
        case "windows": windows
        case "notes": notes
        case "charges": charges
        case "ifRejected": orAbsent(ifRejected)
        default:
            unknown(name)
        }
    }
}

extension QuoteDocument {
    private func unknown(_ name: String) -> Any? {
        ui.log.record(name)
        return nil
    }
}

extension Fact: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        default: nil
        }
    }
}

extension RuleView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "sentence": sentence
        default: nil
        }
    }
}

extension ChargesView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "groups": groups
        case "header": header
        case "totals": totals
        case "due": due
        case "refund": orAbsent(refund)
        case "hasLines": hasLines
        case "showVat": showVat
        default: nil
        }
    }
}

extension PayerGroupView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "payer": payer
        case "payerCode": payerCode
        case "heading": heading
        case "lines": lines
        case "subtotal": subtotal
        default: nil
        }
    }
}

extension LineView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "kindCode": kindCode
        case "description": description
        case "more": more
        case "quantity": quantity
        case "unitPrice": unitPrice
        case "net": net
        case "vatRate": vatRate
        case "vat": vat
        case "gross": gross
        case "rule": orAbsent(rule)
        case "isNegative": isNegative
        default: nil
        }
    }
}

extension TotalRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "net": net
        case "vatRate": vatRate
        case "vat": vat
        case "gross": gross
        default: nil
        }
    }
}
