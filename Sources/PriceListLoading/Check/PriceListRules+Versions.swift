import Foundation
import QuoteCore

extension PriceListRules {
    /// Two versions of one market with the same `version` name: a duplicate key.
    static func versionsAreUnique(_ versions: [CheckedVersion]) -> [PriceListError] {
        var seen: [String: String] = [:]
        var errors: [PriceListError] = []
        for v in versions {
            guard let name = v.settings?.version else { continue }
            if let other = seen[name] {
                errors.append(
                    PriceListError(
                        file: v.marketFile, line: CheckedVersion.line(of: "version", in: v.marketText),
                        field: "version", "\"\(name)\" is also the version of \(other)"))
            } else {
                seen[name] = v.marketFile
            }
        }
        return errors
    }

    /// Versions take effect one after the other in the order of their names: two on the same day
    /// overlap, and a later version that takes effect earlier is out of order.
    static func effectiveDatesAreInOrder(_ versions: [CheckedVersion]) -> [PriceListError] {
        let dated = versions.compactMap { v in v.settings.map { (v, $0) } }.sorted {
            $0.1.version.compare($1.1.version, options: .numeric) == .orderedAscending
        }
        var errors: [PriceListError] = []
        for ((_, earlier), (v, later)) in zip(dated, dated.dropFirst()) {
            let line = CheckedVersion.line(of: "effectiveFrom", in: v.marketText)
            if later.effectiveFrom == earlier.effectiveFrom {
                errors.append(
                    PriceListError(
                        file: v.marketFile, line: line, field: "effectiveFrom",
                        "\(later.effectiveFrom) overlaps version \(earlier.version), which takes effect the same day"
                    ))
            } else if later.effectiveFrom < earlier.effectiveFrom {
                errors.append(
                    PriceListError(
                        file: v.marketFile, line: line, field: "effectiveFrom",
                        "\(later.effectiveFrom) is out of order: version \(later.version) takes effect before version \(earlier.version) (\(earlier.effectiveFrom))"
                    ))
            }
        }
        return errors
    }

    /// Every version of a market has the currency and VAT rate of the market folder's own
    /// `market.yaml`; a version that differs is a copy from another market.
    static func currencyAndVATMatchMarket(_ versions: [CheckedVersion]) -> [PriceListError] {
        guard let reference = versions.first(where: \.isRoot)?.settings else { return [] }
        var errors: [PriceListError] = []
        for v in versions where !v.isRoot {
            guard let settings = v.settings else { continue }
            if settings.currency.code != reference.currency.code {
                errors.append(
                    PriceListError(
                        file: v.marketFile, line: CheckedVersion.line(of: "currency", in: v.marketText),
                        field: "currency",
                        "\(settings.currency.code) does not match the market's \(reference.currency.code)"))
            }
            if settings.vatRate != reference.vatRate {
                errors.append(
                    PriceListError(
                        file: v.marketFile, line: CheckedVersion.line(of: "vatRate", in: v.marketText),
                        field: "vatRate",
                        "\(settings.vatRate.text)% does not match the market's \(reference.vatRate.text)%"))
            }
        }
        return errors
    }
}
