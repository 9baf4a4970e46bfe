import Foundation
import QuoteCore

/// The quote form as the template sees it: one field per case field, named by its JSON path, with
/// its choices from the market's price list, its value and its error.
struct QuoteFormView {
    let form: CaseForm
    let choices: MarketChoices?
    let markets: [String]
    /// Errors by form path.
    let errors: [String: String]
    /// The console's language (`nl`, `zh-Hant`): part and labour names from `names.<lang>.yaml`.
    let language: String
    let label: (String) -> String
    /// A label of the document's label file in the console's language (`finding.liquid-damage`).
    let documentLabel: (String) -> String?

    func field(
        _ path: String, type: String = "text", options: [(value: String, label: String)]? = nil,
        required: Bool = false, note: String? = nil
    ) -> [String: Any] {
        let value = form.values[path] ?? ""
        var field: [String: Any] = [
            "name": path, "id": "f-" + path.replacingOccurrences(of: ".", with: "-"),
            "label": Self.label(path, label),
            "value": value, "required": required, "type": type,
        ]
        field.set("note", note.map(label))
        if let error = errors[path] {
            field["error"] = error
            field["invalid"] = true
        }
        if type == "checkbox" { field["checked"] = value == "true" }
        if let options {
            field["isSelect"] = true
            let blank: [String: Any] = ["value": "", "label": "—", "selected": value.isEmpty]
            field["options"] =
                [blank]
                + options.map {
                    ["value": $0.value, "label": $0.label, "selected": $0.value == value] as [String: Any]
                }
        } else if type == "checkbox" {
            field["isCheckbox"] = true
        } else {
            field["isInput"] = true
        }
        return field
    }

    /// A field's label; part rows are numbered (`repair.parts.1.sku` → "Part 2").
    static func label(_ path: String, _ label: (String) -> String) -> String {
        let segments = path.split(separator: ".")
        guard let row = segments.lazy.compactMap({ Int($0) }).first else { return label(path) }
        return label(segments.filter { Int($0) == nil }.joined(separator: ".")) + " \(row + 1)"
    }

    static func plain(_ values: [String]) -> [(value: String, label: String)] { values.map { ($0, $0) } }

    /// Codes with the console's labels (`kind.repair` → "Repair"), the code where none is given.
    func labelled(_ field: String, _ values: [String]) -> [(value: String, label: String)] {
        values.map { ($0, label(field + "." + $0)) }
    }

    /// Codes with the document's labels (`finding.liquid-damage` → "Liquid damage"), capitalised.
    func documentLabelled(_ section: String, _ values: [String]) -> [(value: String, label: String)] {
        values.map { value in
            guard let text = documentLabel(section + "." + value), let first = text.first else {
                return (value, value)
            }
            return (value, first.uppercased() + text.dropFirst())
        }
    }

    /// A name in the console's language (`names.<lang>.yaml`), else the price list's English one.
    func localized(_ names: [String: String], _ description: String) -> String {
        names[language] ?? description
    }

    var view: [String: Any] {
        let model = form.values["device.model"] ?? ""
        let category = choices?.category(of: model)
        let laborCodes = choices?.labor(category: category).map {
            (
                value: $0.code,
                label: "\($0.code) · \(localized($0.names, $0.description))"
                    + (category == nil ? " (\($0.category.rawValue))" : "")
            )
        }
        let partOptions = choices?.parts(model: model.isEmpty ? nil : model).map {
            (value: $0.sku, label: "\($0.sku) · \(localized($0.names, $0.description))")
        }
        var view: [String: Any] = [
            "sections": sections(laborCodes: laborCodes ?? []), "findings": findings,
            "parts": parts(options: partOptions ?? []), "market": form.values["market"] ?? "",
        ]
        view.set("findingsError", errors["findings"])
        return view
    }

    /// The form's sections of fields, in the order the page shows them.
    func sections(laborCodes: [(value: String, label: String)]) -> [[String: Any]] {
        [
            section(
                "sectionCase",
                [
                    field("market", options: Self.plain(markets), required: true),
                    field(
                        "kind", options: labelled("kind", CaseKind.allCases.map(\.rawValue)), required: true),
                    field(
                        "serviceMode", options: labelled("serviceMode", ServiceMode.allCases.map(\.rawValue)),
                        required: true),
                    field("item", options: documentLabelled("item", Item.allCases.map(\.rawValue))),
                    field("reference"),
                ]),
            section(
                "sectionCustomer",
                [
                    field("customer.name", required: true), field("customer.email", type: "email"),
                    field(
                        "customer.language",
                        options: labelled("language", ["en", "nl", "fr", "es", "zh-Hant"])),
                ]),
            section(
                "sectionDevice",
                [
                    field(
                        "device.model", options: Self.plain(choices?.models.map { $0.name } ?? []),
                        required: true),
                    field("device.imei", type: "text", note: "imeiOrSerial"),
                    field("device.serial", note: "imeiOrSerial"),
                ]),
            section(
                "sectionPurchase",
                [
                    field("purchase.date", type: "date", required: true),
                    field("purchase.deliveryDate", type: "date"),
                    field(
                        "purchase.channel", options: labelled("purchase.channel", choices?.channels ?? []),
                        required: true),
                    field("purchase.official", type: "checkbox"),
                    field("purchase.proofOfPurchase", type: "checkbox"),
                    field("purchase.firstOwner", type: "checkbox"),
                ]),
            section("sectionRepair", [field("fault"), field("repair.labor", options: laborCodes)]),
        ]
    }

    /// The findings' checkboxes, ticked as the form was sent.
    var findings: [[String: Any]] {
        documentLabelled("finding", choices?.findings ?? []).enumerated().map { index, finding in
            [
                "value": finding.value, "label": finding.label, "id": "f-findings-\(index)",
                "checked": form.findings.contains(finding.value),
            ] as [String: Any]
        }
    }

    /// The part rows, each with its SKU choice and quantity.
    func parts(options partOptions: [(value: String, label: String)]) -> [[String: Any]] {
        (0..<CaseForm.partRows).map { row -> [String: Any] in
            [
                "row": row + 1,
                "sku": field("repair.parts.\(row).sku", options: partOptions),
                "quantity": field("repair.parts.\(row).quantity", type: "number"),
            ]
        }
    }

    func section(_ title: String, _ fields: [[String: Any]]) -> [String: Any] {
        ["title": label(title), "fields": fields]
    }
}
