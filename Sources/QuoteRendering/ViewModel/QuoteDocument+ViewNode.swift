/// The `ui` labels of a language, as templates see them: `{{ui.issueDate}}`.
struct UILabels: ViewNode {
    let table: [String: String]

    func value(_ field: Field) -> ViewValue? { nil }
    func label(_ key: String) -> ViewValue? { table[key].map(ViewValue.text) }
}

// Field lookup by switch: the list of names a template may use (docs/rendering.md).

extension QuoteDocument: ViewNode {
    func value(_ field: Field) -> ViewValue? {
        switch field {
        case .lang: .text(lang)
        case .ui: .node(ui)
        case .number: .text(number)
        case .isDraft: .flag(isDraft)
        case .facts: .nodes(facts)
        case .parties: .nodes(parties)
        case .sampleNotice: .optional(sampleNotice)
        case .status: .text(status)
        case .statusCode: .text(statusCode)
        case .summary: .text(summary)
        case .rules: .nodes(rules)
        case .advice: .strings(advice)
        case .windows: .nodes(windows)
        case .notes: .strings(notes)
        case .charges: .node(charges)
        case .ifRejected: .optional(ifRejected)
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
        case .groups: .nodes(groups)
        case .header: .node(header)
        case .totals: .nodes(totals)
        case .due: .node(due)
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
        case .lines: .nodes(lines)
        case .subtotal: .node(subtotal)
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
