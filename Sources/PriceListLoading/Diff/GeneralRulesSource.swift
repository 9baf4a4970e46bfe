import Foundation

/// Where one side of `prices diff` takes its general rules (`rules.yaml`, G-1..G-10) from. A version
/// folder inside a price-list tree uses its tree's; a copy elsewhere (`../NL-next`) has none above
/// it and borrows them.
public struct GeneralRulesSource: Sendable, Equatable {
    public enum Origin: String, Sendable {
        /// The folder above the version folder, or the one above that.
        case own = "its own tree"
        /// `--price-lists DIR`, given for a side without its own.
        case priceLists = "--price-lists"
        /// The other side's tree.
        case otherSide = "the other side's tree"
        /// The price lists a command finds without `--price-lists` ($REPAIRQUOTE_PRICE_LISTS, ./PriceLists, …).
        case defaultPriceLists = "the default price lists"
    }

    /// The version folder.
    public let side: String
    /// The folder holding the `rules.yaml` used.
    public let folder: String
    public let origin: Origin

    /// "../NL-next: general rules from /work/PriceLists/rules.yaml (the other side's tree)".
    public var line: String {
        "\(side): general rules from \(PriceListLoader.path(folder, PriceListLoader.generalRulesFile)) (\(origin.rawValue))"
    }

    /// The source for `side`: its own tree's; else `priceLists` (when given, it must hold
    /// `rules.yaml`), the tree of `other`, or `defaultPriceLists`, the first that has one.
    public static func resolve(
        side: String, other: String, priceLists: String? = nil, defaultPriceLists: String? = nil
    ) throws(PriceListError) -> GeneralRulesSource {
        if let own = PriceListLoader.generalRulesFolder(above: side) {
            return GeneralRulesSource(side: side, folder: own, origin: .own)
        }
        let hasRules = { (folder: String) in
            FileManager.default.fileExists(
                atPath: PriceListLoader.path(folder, PriceListLoader.generalRulesFile))
        }
        if let priceLists {
            guard hasRules(priceLists) else {
                throw PriceListError(
                    file: priceLists, line: nil, field: "--price-lists",
                    "has no \(PriceListLoader.generalRulesFile) (needed for \(side), which has none above it)"
                )
            }
            return GeneralRulesSource(side: side, folder: priceLists, origin: .priceLists)
        }
        if let theirs = PriceListLoader.generalRulesFolder(above: other) {
            return GeneralRulesSource(side: side, folder: theirs, origin: .otherSide)
        }
        if let defaultPriceLists, hasRules(defaultPriceLists) {
            return GeneralRulesSource(side: side, folder: defaultPriceLists, origin: .defaultPriceLists)
        }
        throw PriceListError(
            file: side, line: nil, field: "",
            "no \(PriceListLoader.generalRulesFile) in the folder above it or the one above that, nor above \(other): give --price-lists DIR, a folder with \(PriceListLoader.generalRulesFile)"
        )
    }
}
