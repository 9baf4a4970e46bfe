import QuoteCore

/// Line descriptions in the document's language where the engine's text is generic: flat fees
/// (by line kind), refund parts (by the refund line's reference), the prefix of a waiver and the
/// swap unit the parts list does not price (`lineDescription.swap-unit-unpriced`, `{model}`: the
/// engine's "Swap unit Redmi Note 13"). Labor and parts in the price list's name for the language
/// (`names.<lang>.yaml`), else in English.
enum LineDescriptions {
    static let feeKinds: [LineKind] = [
        .logisticsOutbound, .logisticsReturn, .handling, .inspection, .screening, .travel, .call, .emptyBox,
    ]
    /// The references the engine gives refund lines (US-5).
    static let refundParts = ["price", "shipping", "giftWrap", "tax"]

    static func text(for line: ChargeLine, among lines: [ChargeLine], model: String, labels: LabelSet)
        throws(RenderError) -> String
    {
        if feeKinds.contains(line.kind) { return try labels.text("lineDescription.\(line.kind.rawValue)") }
        switch line.kind {
        case .swapUnit where line.reference == nil:
            return Pattern(try labels.text("lineDescription.swap-unit-unpriced")).fill {
                $0 == "model" ? model : nil
            }
        case .refund:
            guard let part = line.reference, refundParts.contains(part) else { return line.description }
            return try labels.text("refundDescription.\(part)")
        case .waiver:
            let waived = lines.first {
                $0.kind != .waiver && $0.reference != nil && $0.reference == line.reference
            }
            let name = waived?.description(in: labels.language) ?? line.description
            return "\(try labels.text("lineDescription.waiver")): \(name)"
        default:
            return line.description(in: labels.language)
        }
    }

    /// `en` when ``text(for:among:model:labels:)`` gives the line's English name in a document of
    /// another language (a labour code or part missing from `names.<lang>.yaml`), so that the page
    /// can mark it (`<span lang="en">`, WCAG 3.1.2); nil when the name is in the document's language.
    /// Only a line the price list names in other languages counts: its `description` is then the
    /// price list's English one (a line built without names may carry any language's text).
    static func language(of line: ChargeLine, in language: String) -> String? {
        guard !language.hasPrefix("en"), !feeKinds.contains(line.kind) else { return nil }
        switch line.kind {
        case .swapUnit where line.reference == nil: return nil
        case .refund, .waiver: return nil
        default: return !line.names.isEmpty && line.names[language] == nil ? "en" : nil
        }
    }
}
