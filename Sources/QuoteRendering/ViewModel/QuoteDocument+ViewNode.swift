/// The `ui` labels of a language, as templates see them: `{{ui.issueDate}}`.
final class UILabels: ViewNode, Sendable {
    let table: [String: String]
    /// The labels in the compiled templates' label order (`TemplateSet.labelOrder`); nil where
    /// the language lacks one.
    let ordered: [String?]

    init(table: [String: String], order: [String] = []) {
        self.table = table
        ordered = order.map { table[$0] }
    }

    func value(_ field: Field) -> ViewValue? { nil }
    func label(_ key: String) -> ViewValue? { table[key].map(ViewValue.text) }

    /// The label numbered `index` in the label order, else looked up by `key`.
    func label(at index: Int, key: String) -> ViewValue? {
        guard index < ordered.count else { return label(key) }
        return ordered[index].map(ViewValue.text)
    }
}

// Field lookup by switch: the list of names a template may use (docs/rendering.md).

extension QuoteDocument: ViewNode {
    func value(_ field: Field) -> ViewValue? {
        switch field {
        case .lang: .text(lang)
        case .ui: .node(.ui(ui))
        case .number: .text(number)
        case .isDraft: .flag(isDraft)
        case .serviceCenter: .optional(serviceCenter.map(ViewObject.serviceCenter))
        case .facts: .list(.facts(facts))
        case .parties: .list(.facts(parties))
        case .sampleNotice: .optional(sampleNotice)
        case .status: .text(status)
        case .statusCode: .text(statusCode)
        case .summary: .text(summary)
        case .rules: .list(.rules(rules))
        case .advice: .strings(advice)
        case .windows: .list(.facts(windows))
        case .notes: .strings(notes)
        case .charges: .node(.charges(charges))
        case .ifRejected: .optional(ifRejected)
        case .decided: .optional(decided.map(ViewObject.message))
        case .customerLink: .optional(customerLink)
        case .reminder: .optional(reminder)
        default: nil
        }
    }
}

extension Fact: ViewNode {
    func value(_ field: Field) -> ViewValue? {
        switch field {
        case .label: .text(label)
        case .value: .text(value)
        default: nil
        }
    }
}

extension RuleView: ViewNode {
    func value(_ field: Field) -> ViewValue? {
        switch field {
        case .id: .text(id)
        case .sentence: .text(sentence)
        default: nil
        }
    }
}

extension ChargesView: ViewNode {
    func value(_ field: Field) -> ViewValue? {
        switch field {
        case .groups: .list(.groups(groups))
        case .header: .node(.line(header))
        case .totals: .list(.totals(totals))
        case .due: .node(.fact(due))
        case .refund: .optional(refund)
        case .hasLines: .flag(hasLines)
        case .showVat: .flag(showVat)
        default: nil
        }
    }
}

extension PayerGroupView: ViewNode {
    func value(_ field: Field) -> ViewValue? {
        switch field {
        case .payer: .text(payer)
        case .payerCode: .text(payerCode)
        case .heading: .text(heading)
        case .lines: .list(.lines(lines))
        case .subtotal: .node(.total(subtotal))
        default: nil
        }
    }
}

extension LineView: ViewNode {
    func value(_ field: Field) -> ViewValue? {
        switch field {
        case .kind: .text(kind)
        case .kindCode: .text(kindCode)
        case .description: .text(description)
        case .more: .strings(more)
        case .quantity: .text(quantity)
        case .unitPrice: .text(unitPrice)
        case .net: .text(net)
        case .vatRate: .text(vatRate)
        case .vat: .text(vat)
        case .gross: .text(gross)
        case .rule: .optional(rule)
        case .isNegative: .flag(isNegative)
        case .descriptionLang: .optional(descriptionLang)
        default: nil
        }
    }
}

extension TotalRow: ViewNode {
    func value(_ field: Field) -> ViewValue? {
        switch field {
        case .label: .text(label)
        case .net: .text(net)
        case .vatRate: .text(vatRate)
        case .vat: .text(vat)
        case .gross: .text(gross)
        default: nil
        }
    }
}
