/// One version of one market: settings, labor rates, parts and the warranty policy.
public struct PriceList: Sendable {
    public var settings: MarketSettings
    public var labor: [LaborKey: LaborRate]
    public var parts: [String: Part]
    public var policy: Policy

    public init(settings: MarketSettings, labor: [LaborRate], parts: [Part], policy: Policy) {
        self.settings = settings
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
    public init(category: DeviceCategory, code: String, description: String, price: Money) {
        self.category = category
        self.code = code
        self.description = description
        self.price = price
    }
}

/// A row of `parts.csv`.
public struct Part: Hashable, Sendable {
    public var sku: String
    public var description: String
    /// The kind of part: `screen`, `battery`, `panel`, `swap-unit`, …
    public var category: String
    /// Normalized names of the models it fits; nil means every model (`*`).
    public var models: Set<String>?
    public var price: Money
    public init(sku: String, description: String, category: String, models: Set<String>?, price: Money) {
        self.sku = sku
        self.description = description
        self.category = category
        self.models = models
        self.price = price
    }

    public func fits(model: String) -> Bool { models?.contains(ModelName.normalize(model)) ?? true }
}

/// Model names are compared without case, spaces, hyphens or the "Xiaomi " brand prefix of the
/// HK table's spellings ("Xiaomi12T Pro" ≡ "Xiaomi 12T Pro").
public enum ModelName {
    public static func normalize(_ name: String) -> String {
        String(
            name.lowercased().unicodeScalars.filter {
                $0 != " " && $0 != "-" && $0 != "_" && $0 != "\u{3000}"
            }.map(Character.init))
    }
}
