/// One version of one market: settings, labor rates, parts and the warranty policy.
/// A class: it is shared, never copied, by every quote computed with it.
public final class PriceList: Sendable {
    public let settings: MarketSettings
    public let labor: [LaborKey: LaborRate]
    public let parts: [String: Part]
    public let policy: Policy
    /// The sentence a customer ticks to accept through the link, by language (`consent.<lang>.yaml`).
    public let consent: [String: ConsentSentence]

    public init(
        settings: MarketSettings, labor: [LaborRate], parts: [Part], policy: Policy,
        consent: [String: ConsentSentence] = [:]
    ) {
        self.settings = settings
        self.consent = consent
        self.labor = Dictionary(labor.map { (LaborKey(category: $0.category, code: $0.code), $0) }) { a, _ in
            a
        }
        self.parts = Dictionary(parts.map { ($0.sku, $0) }) { a, _ in a }
        self.policy = policy
    }

    public struct LaborKey: Hashable, Sendable {
        public var category: DeviceCategory
        public var code: String
        public init(category: DeviceCategory, code: String) {
            self.category = category
            self.code = code
        }
    }
}

/// A row of `labor.csv`: the consumer price of a repair level for a device category.
public struct LaborRate: Hashable, Sendable {
    public var category: DeviceCategory
    public var code: String
    public var description: String
    public var price: Money
    /// The description in the market's other languages (language code → text), from
    /// `names.<lang>.yaml`; documents fall back to `description` (English).
    public var names: [String: String]
    public init(
        category: DeviceCategory, code: String, description: String, price: Money,
        names: [String: String] = [:]
    ) {
        self.category = category
        self.code = code
        self.description = description
        self.price = price
        self.names = names
    }
}

/// The kind of a part in `parts.csv`. The engine treats two specially: a `screen` part makes a
/// screen repair (PK-4), and a `swap-unit` is the whole device exchanged (BX-11, DOA).
public enum PartCategory: String, Hashable, Sendable, CaseIterable {
    case screen, battery, removableBattery = "removable-battery", board, housing, main, cable, charger
    case accessory
    case swapUnit = "swap-unit"
}

/// A row of `parts.csv`.
public struct Part: Hashable, Sendable {
    public var sku: String
    public var description: String
    /// The kind of part (``PartCategory``).
    public var category: PartCategory
    /// Normalized names of the models it fits; nil means every model (`*`).
    public var models: Set<String>?
    public var price: Money
    /// The description in the market's other languages (language code → text), from
    /// `names.<lang>.yaml`; documents fall back to `description` (English).
    public var names: [String: String]
    public init(
        sku: String, description: String, category: PartCategory, models: Set<String>?, price: Money,
        names: [String: String] = [:]
    ) {
        self.sku = sku
        self.description = description
        self.category = category
        self.models = models
        self.price = price
        self.names = names
    }

    public func fits(model: String) -> Bool { fits(normalizedModel: ModelName.normalize(model)) }

    /// `fits(model:)` for a name already normalized with `ModelName.normalize`.
    public func fits(normalizedModel: String) -> Bool { models?.contains(normalizedModel) ?? true }
}

/// Model names are compared without case, spaces, hyphens or underscores, so that the HK table's
/// spellings match ("Xiaomi12T Pro" ≡ "Xiaomi 12T Pro").
public enum ModelName {
    public static func normalize(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            guard byte < 0x80 else { return slowNormalize(name) }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The general path for names with non-ASCII letters (紅米Note Seven, full-width spaces).
    static func slowNormalize(_ name: String) -> String {
        String(
            name.lowercased().unicodeScalars.filter {
                $0 != " " && $0 != "-" && $0 != "_" && $0 != "\u{3000}"
            }.map(Character.init))
    }
}
