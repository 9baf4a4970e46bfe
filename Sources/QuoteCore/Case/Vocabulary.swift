/// The fixed vocabularies of the case JSON (contract §1). Raw values are the JSON spellings.

public enum CaseKind: String, Sendable, CaseIterable, Codable { case repair, doa, remorse, installation }

public enum ServiceMode: String, Sendable, CaseIterable, Codable {
    case carryIn = "carry-in", mailIn = "mail-in", pickup, onSite = "on-site"
}

public enum DeviceCategory: String, Sendable, CaseIterable, Codable {
    case phone, tablet, tv, wearable, powerBank = "power-bank", headphones, scooter, other
}

public enum Item: String, Sendable, CaseIterable, Codable {
    case mainDevice = "main-device", battery, removableBattery = "removable-battery", charger, cable
    case adapterCable = "adapter-cable", accessory, screen, panel
}

public enum Channel: String, Sendable, CaseIterable, Codable {
    case miCom = "mi.com", miStore = "mi-store", retailer, carrier, marketplace
}

/// How a DOA or remorse claim reached the service (BX-5). Optional on the case; absent means the
/// channel the market's policy expects.
public enum RaisedVia: String, Sendable, CaseIterable, Codable {
    case pointOfSale = "point-of-sale", callCenter = "call-center", serviceCenter = "service-center"
}

public enum Finding: String, Sendable, CaseIterable, Codable {
    case liquidDamage = "liquid-damage", physicalDamage = "physical-damage", crackedScreen = "cracked-screen"
    case cosmeticScratches = "cosmetic-scratches", intentionalDamage = "intentional-damage"
    case unauthorizedRepair = "unauthorized-repair", modification, imeiTampered = "imei-tampered"
    case serialMismatch = "serial-mismatch", counterfeit, nonOriginalBattery = "non-original-battery"
    case nonOriginalAccessory = "non-original-accessory", thirdPartySoftware = "third-party-software"
    case maliciousSoftware = "malicious-software", forceMajeure = "force-majeure", wrongVoltage =
        "wrong-voltage"
    case missingParts = "missing-parts", missingBoxContents = "missing-box-contents"
    case commercialUse = "commercial-use", noFaultFound = "no-fault-found", otaUpdateFault =
        "ota-update-fault"
    case wearAndTear = "wear-and-tear"
}

public enum Decision: String, Sendable, CaseIterable, Codable { case pending, accepted, rejected }

public enum Payer: String, Sendable, CaseIterable, Codable, Comparable {
    case consumer, manufacturer, retailer

    public static func < (lhs: Payer, rhs: Payer) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum CoverageStatus: String, Sendable, CaseIterable, Codable {
    case inWarranty = "in-warranty", outOfWarranty = "out-of-warranty", doa, remorse, refused
    case notRepairable = "not-repairable"
}

public enum LineKind: String, Sendable, CaseIterable, Codable {
    case labor, part, swapUnit = "swap-unit", logisticsOutbound = "logistics-outbound"
    case logisticsReturn = "logistics-return", handling, inspection, screening, travel, call
    case emptyBox = "empty-box", waiver, refund
}

/// A rule of `docs/rules.md`, e.g. "BX-3". The IDs a market may cite are the keys of its
/// policy's `rules:` table; the loader refuses a policy that cites an ID it does not define.
public struct RuleID: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A market code: the name of a folder under `PriceLists/` ("NL", "HK"). Markets are data, so this is
/// an open set checked against the loaded price lists, not an enum.
public struct MarketCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: MarketCode, rhs: MarketCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
