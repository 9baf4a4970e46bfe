import QuoteCore

/// One difference between two versions of a price list: `part X12-DISPLAY price: 159.90 → 164.90
/// (+3.13%)`. Amounts are formatted with all minor digits; `difference` and `percent` are given
/// when both sides are amounts.
public struct PriceChange: Hashable, Sendable {
    public enum Kind: String, Sendable { case added, removed, changed }

    /// `part`, `labor`, `logistics`, `fee`, `setting` (market.yaml) or `policy` (policy.yaml).
    public var section: String
    /// The SKU, `phone L2`, the device category, the fee or the setting's path.
    public var key: String
    /// The field that changed (`price`, `description`, …); empty for a single value.
    public var field: String
    public var kind: Kind
    public var old: String?
    public var new: String?
    /// `new − old` as an amount, when both are amounts.
    public var difference: String?
    /// The change in percent of the old amount, 2 decimals, half away from zero: `+3.13%`.
    public var percent: String?

    public init(
        section: String, key: String, field: String = "", kind: Kind, old: String?, new: String?,
        difference: String? = nil, percent: String? = nil
    ) {
        self.section = section
        self.key = key
        self.field = field
        self.kind = kind
        self.old = old
        self.new = new
        self.difference = difference
        self.percent = percent
    }

    /// A change of an amount, with its difference and percent.
    static func amount(section: String, key: String, field: String = "", old: Money?, new: Money?)
        -> PriceChange?
    {
        switch (old, new) {
        case (nil, nil): return nil
        case (let o?, nil):
            return PriceChange(
                section: section, key: key, field: field, kind: .removed, old: o.text, new: nil)
        case (nil, let n?):
            return PriceChange(section: section, key: key, field: field, kind: .added, old: nil, new: n.text)
        case (let o?, let n?):
            guard o != n else { return nil }
            guard o.currency == n.currency else {
                return PriceChange(
                    section: section, key: key, field: field, kind: .changed, old: o.description,
                    new: n.description)
            }
            let difference = Int128(n.minorUnits) - Int128(o.minorUnits)
            return PriceChange(
                section: section, key: key, field: field, kind: .changed, old: o.text, new: n.text,
                difference: Decimals.format(Int64(clamping: difference), scale: o.currency.minorUnits),
                percent: PercentChange.text(difference, of: Int128(o.minorUnits)))
        }
    }

    /// `part X12-DISPLAY price: 159.90 → 164.90 (+5.00, +3.13%)`; `added 24.90`; `removed …`.
    public var line: String {
        let subject = ([section, key, field].filter { !$0.isEmpty }).joined(separator: " ")
        switch kind {
        case .added: return "\(subject): added \(new ?? "")"
        case .removed: return "\(subject): removed (was \(old ?? ""))"
        case .changed:
            let delta = [difference.map { $0.hasPrefix("-") ? $0 : "+" + $0 }, percent].compactMap { $0 }
            let suffix = delta.isEmpty ? "" : " (" + delta.joined(separator: ", ") + ")"
            return "\(subject): \(old ?? "") → \(new ?? "")\(suffix)"
        }
    }
}
