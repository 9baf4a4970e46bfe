/// The checks of G-5 that need the market's price list and policy: the service offered, labor
/// codes, SKUs and fit, required IMEI, per-case tax. Runs before anything is computed.
struct CaseValidator {
    let c: ServiceCase
    let list: PriceList
    let model: String

    init(c: ServiceCase, list: PriceList) {
        self.c = c
        self.list = list
        self.model = ModelName.normalize(c.device.model)
    }

    var policy: Policy { list.policy }

    func validate() throws(ValidationError) {
        try validateService()
        try validateDevice()
        try validateRepair()
        if c.salesTaxRate != nil, policy.salesTaxRule == nil {
            throw ValidationError(
                field: "salesTaxRate",
                "\(c.market) has a single VAT rate of \(list.settings.vatRate); a per-case rate is not accepted"
            )
        }
        try c.purchase.amounts?.validate(in: list.settings.currency)
        for (index, rule) in c.history.benefitsUsed.enumerated() where !isRuleID(rule.rawValue) {
            throw ValidationError(
                field: "history.benefitsUsed[\(index)]", "\"\(rule)\" is not a rule ID such as \"PK-3\"")
        }
    }

    func validateService() throws(ValidationError) {
        let offered = policy.logistics.offered
        guard offered.contains(c.serviceMode) else {
            let names = offered.map(\.rawValue).sorted().joined(separator: ", ")
            throw ValidationError(
                field: "serviceMode",
                "\"\(c.serviceMode.rawValue)\" is not offered in \(c.market) (offered: \(names))")
        }
        if c.kind == .installation, policy.installation == nil {
            throw ValidationError(field: "kind", "the \(c.market) policy has no installation service")
        }
        if c.kind == .remorse, policy.remorse == nil {
            throw ValidationError(field: "kind", "the \(c.market) policy offers no remorse return")
        }
        if c.emptyBox, policy.onSite == nil {
            throw ValidationError(field: "emptyBox", "the \(c.market) policy has no empty-box shipment")
        }
        if c.serviceMode == .onSite, let onSite = policy.onSite {
            guard onSite.categories.contains(c.device.category) else {
                throw ValidationError(
                    field: "serviceMode",
                    "on-site service is only for \(onSite.categories.map(\.rawValue).sorted().joined(separator: ", ")) (\(onSite.rule))"
                )
            }
            guard let screen = c.device.screenHundredthsOfInch else {
                throw ValidationError(
                    field: "device.screenInches", "is required for on-site service (\(onSite.rule))")
            }
            guard screen > onSite.screenOverHundredths else {
                let limit = Decimals.formatTrimmed(onSite.screenOverHundredths, scale: 2)
                throw ValidationError(
                    field: "serviceMode",
                    "on-site service is only for screens over \(limit)\" (\(onSite.rule)); carry it in or have it picked up"
                )
            }
        }
    }

    func validateDevice() throws(ValidationError) {
        if let listed = policy.models[model], listed != c.device.category {
            throw ValidationError(
                field: "device.category",
                "\(c.device.model) is a \(listed.rawValue) in the \(c.market) policy, not a \(c.device.category.rawValue)"
            )
        }
        if let required = policy.imeiRequired, required.categories.contains(c.device.category),
            c.device.imei == nil
        {
            throw ValidationError(
                field: "device.imei",
                "is required in \(c.market) for a \(c.device.category.rawValue) (\(required.rule))")
        }
        if c.device.imei == nil, c.device.serial == nil {
            throw ValidationError(field: "device.imei", "an IMEI or a serial number is required")
        }
    }

    func validateRepair() throws(ValidationError) {
        if let code = c.repair.labor,
            list.labor[PriceList.LaborKey(category: c.device.category, code: code)] == nil
        {
            let known = list.labor.keys.filter { $0.category == c.device.category }.map(\.code).sorted()
            let hint = known.isEmpty ? "none for this category" : known.joined(separator: ", ")
            throw ValidationError(
                field: "repair.labor",
                "unknown labor code \"\(code)\" for a \(c.device.category.rawValue) in \(c.market) (known: \(hint))"
            )
        }
        for (index, request) in c.repair.parts.enumerated() {
            let field = "repair.parts[\(index)].sku"
            guard let part = list.parts[request.sku] else {
                throw ValidationError(
                    field: field, "unknown SKU \"\(request.sku)\" in the \(c.market) parts list")
            }
            guard part.fits(normalizedModel: model) else {
                throw ValidationError(
                    field: field, "\(request.sku) (\(part.description)) does not fit \(c.device.model)")
            }
            guard !c.repair.parts[..<index].contains(where: { $0.sku == request.sku }) else {
                throw ValidationError(
                    field: field, "\(request.sku) is listed twice; give one line with its quantity")
            }
        }
    }

    func isRuleID(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 2 && parts[0].allSatisfy { $0.isASCII && $0.isUppercase } && !parts[1].isEmpty
            && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
    }
}
