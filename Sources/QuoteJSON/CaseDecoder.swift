import QuoteCore

/// Reads a service case from JSON (contract §1) and checks every field that can be checked
/// without a price list (G-5). Price-list checks (SKUs, labor codes, fit) are the calculator's.
public enum CaseDecoder {
    /// Decodes a case. `today` gives the request date of a case that has none, per market.
    public static func decode(_ text: String, today: (MarketCode) -> CivilDate) throws(ValidationError)
        -> ServiceCase
    {
        try decode(bytes: Array(text.utf8), today: today)
    }

    public static func decode(bytes: [UInt8], today: (MarketCode) -> CivilDate) throws(ValidationError)
        -> ServiceCase
    {
        let parsed: (value: JSONValue, plainText: Bool)
        do {
            parsed = try JSONParser.parseReportingPlainText(bytes)
        } catch {
            throw ValidationError(field: "", "malformed JSON: \(error)")
        }
        return try decode(parsed.value, today: today, plainText: parsed.plainText)
    }

    static let topLevelKeys = KnownKeys([
        "market", "requestDate", "kind", "serviceMode", "customer", "device", "item", "purchase", "findings",
        "fault", "repair", "history", "decision", "salesTaxRate", "raisedVia", "emptyBox",
        "reference",
    ])
    static let customerKeys = KnownKeys(["name", "email", "language"])
    static let deviceKeys = KnownKeys(["model", "category", "imei", "serial", "screenInches"])
    static let purchaseKeys = KnownKeys([
        "date", "deliveryDate", "channel", "official", "proofOfPurchase", "firstOwner", "orderedOn",
        "amounts",
        "partialReturn",
    ])
    static let amountKeys = KnownKeys(["price", "shipping", "giftWrap", "tax"])
    static let repairKeys = KnownKeys(["labor", "parts"])
    static let partKeys = KnownKeys(["sku", "quantity"])
    static let historyKeys = KnownKeys(["benefitsUsed", "benefitQuotes", "previousRepair"])
    static let previousRepairKeys = KnownKeys(["completed", "fault", "replacedParts", "deviceReplaced"])

    /// `plainText`: the parser found every text plain printable ASCII (the character check of
    /// texts is then skipped; their length is still checked).
    public static func decode(
        _ json: JSONValue, today: (MarketCode) -> CivilDate, plainText: Bool = false
    ) throws(ValidationError) -> ServiceCase {
        let root = try FieldReader(json, plainText: plainText)
        try root.rejectUnknownKeys(topLevelKeys)
        let market = MarketCode(try root.requiredString("market"))
        let requestDate = try root.date("requestDate") ?? today(market)
        let purchase = try decodePurchase(try root.requiredObject("purchase"))
        try checkOrder(purchase: purchase, requestDate: requestDate)
        var findings: [Finding] = []
        for (text, path) in try root.stringArray("findings") {
            let finding = try FieldReader.parseEnum(text, Finding.self, field: path)
            if !findings.contains(finding) { findings.append(finding) }
        }
        var salesTaxRate: Percent?
        if let value = root.value("salesTaxRate") {
            salesTaxRate = try percent(value, field: "salesTaxRate")
        }
        let history = try root.object("history").map(decodeHistory) ?? ServiceCase.History()
        if let previous = history.previousRepair, previous.completed > requestDate {
            throw ValidationError(
                field: "history.previousRepair.completed", "is after the request date \(requestDate)")
        }
        return ServiceCase(
            market: market, requestDate: requestDate, kind: try root.requiredEnum("kind", CaseKind.self),
            serviceMode: try root.requiredEnum("serviceMode", ServiceMode.self),
            customer: try decodeCustomer(try root.requiredObject("customer")),
            device: try decodeDevice(try root.requiredObject("device")),
            item: try root.enumValue("item", Item.self) ?? .mainDevice, purchase: purchase,
            findings: findings,
            fault: try root.string("fault"), repair: try root.object("repair").map(decodeRepair) ?? .init(),
            history: history, decision: try root.enumValue("decision", Decision.self) ?? .pending,
            salesTaxRate: salesTaxRate, raisedVia: try root.enumValue("raisedVia", RaisedVia.self),
            emptyBox: try root.bool("emptyBox", default: false), reference: try reference(root))
    }

    /// `reference`: 1 to 64 printable characters (no control characters; spaces inside allowed).
    static func reference(_ r: FieldReader) throws(ValidationError) -> String? {
        guard let text = try r.string("reference") else { return nil }
        let trimmed = String(text.trimmingSpaces)
        guard !trimmed.isEmpty, trimmed.count <= 64 else {
            throw ValidationError(field: "reference", "must be 1 to 64 characters, got \(trimmed.count)")
        }
        return trimmed
    }

    static func checkOrder(purchase: ServiceCase.Purchase, requestDate: CivilDate) throws(ValidationError) {
        if purchase.deliveryDate < purchase.date {
            throw ValidationError(
                field: "purchase.deliveryDate",
                "\(purchase.deliveryDate) is before the purchase date \(purchase.date)")
        }
        if requestDate < purchase.deliveryDate {
            throw ValidationError(
                field: "requestDate", "\(requestDate) is before the delivery date \(purchase.deliveryDate)")
        }
        if let ordered = purchase.orderedOn, ordered > purchase.deliveryDate {
            throw ValidationError(
                field: "purchase.orderedOn", "\(ordered) is after the delivery date \(purchase.deliveryDate)")
        }
    }

    static func percent(_ value: JSONValue, field: String) throws(ValidationError) -> Percent {
        let text: String
        switch value {
        case .string(let s): text = s
        case .number(let s): text = s
        default:
            throw ValidationError(field: field, "expected a percent such as \"8.875\", got \(value.typeName)")
        }
        do {
            return try Percent.parse(text)
        } catch .outOfRange {
            throw ValidationError(field: field, "\"\(text)\" is out of range (a percent from 0 to below 100)")
        } catch {
            throw ValidationError(field: field, "\(error) (expected a percent from 0 to below 100)")
        }
    }

    static func decodeCustomer(_ r: FieldReader) throws(ValidationError) -> ServiceCase.Customer {
        try r.rejectUnknownKeys(customerKeys)
        let email = try r.string("email")
        if let email, !EmailAddress.isValid(email) {
            throw ValidationError(
                field: r.field("email"), "\"\(email)\" is not an e-mail address (plain ASCII: local@domain)")
        }
        let language = try r.string("language")
        if let language,
            language.isEmpty || language.utf8.count > 35
                || !language.utf8.allSatisfy({
                    (65...90).contains($0) || (97...122).contains($0) || (48...57).contains($0) || $0 == 45
                })
        {
            throw ValidationError(
                field: r.field("language"),
                "\"\(language)\" is not a language code such as \"nl\" or \"zh-Hant\"")
        }
        let name = try r.requiredString("name")
        return ServiceCase.Customer(name: name, email: email, language: language)
    }

    static func decodeDevice(_ r: FieldReader) throws(ValidationError) -> ServiceCase.Device {
        try r.rejectUnknownKeys(deviceKeys)
        let imei = try r.string("imei").map { (text) throws(ValidationError) in
            try IMEI.normalize(text, field: r.field("imei"))
        }
        let serial = try r.string("serial")
        if let serial, serial.trimmingSpaces.isEmpty {
            throw ValidationError(field: r.field("serial"), "must not be empty (use null)")
        }
        var screen: Int64?
        if let value = r.value("screenInches") {
            let text: String
            switch value {
            case .number(let s), .string(let s): text = s
            default:
                throw ValidationError(
                    field: r.field("screenInches"), "expected a number of inches, got \(value.typeName)")
            }
            guard let hundredths = try? Decimals.parse(text, scale: 2, allowNegative: false), hundredths > 0,
                hundredths < 100_000
            else {
                throw ValidationError(
                    field: r.field("screenInches"),
                    "\"\(text)\" is not a screen size in inches (e.g. 55 or 32.5)")
            }
            screen = hundredths
        }
        return ServiceCase.Device(
            model: String(try r.requiredString("model").trimmingSpaces),
            category: try r.requiredEnum("category", DeviceCategory.self),
            imei: imei, serial: serial, screenHundredthsOfInch: screen)
    }

    static func decodePurchase(_ r: FieldReader) throws(ValidationError) -> ServiceCase.Purchase {
        try r.rejectUnknownKeys(purchaseKeys)
        var amounts: ServiceCase.PaidAmounts?
        if let a = try r.object("amounts") {
            try a.rejectUnknownKeys(amountKeys)
            func amount(_ key: String, required: Bool) throws(ValidationError) -> String {
                guard let value = a.value(key) else {
                    if required { throw ValidationError(field: a.field(key), "is required") }
                    return "0"
                }
                guard case .string(let text) = value else {
                    throw ValidationError(
                        field: a.field(key),
                        "expected an amount as a string such as \"49.99\", got \(value.typeName)")
                }
                do {
                    _ = try Decimals.parseAmount(text, scale: 4)
                } catch {
                    throw ValidationError(field: a.field(key), "\(error)")
                }
                return text
            }
            amounts = ServiceCase.PaidAmounts(
                price: try amount("price", required: true), shipping: try amount("shipping", required: false),
                giftWrap: try amount("giftWrap", required: false), tax: try amount("tax", required: false))
        }
        let date = try r.requiredDate("date")
        return ServiceCase.Purchase(
            date: date, deliveryDate: try r.date("deliveryDate"),
            channel: try r.requiredEnum("channel", Channel.self),
            official: try r.bool("official", default: true),
            proofOfPurchase: try r.bool("proofOfPurchase", default: true),
            firstOwner: try r.bool("firstOwner", default: true), orderedOn: try r.date("orderedOn"),
            amounts: amounts,
            partialReturn: try r.bool("partialReturn", default: false))
    }

    static func decodeRepair(_ r: FieldReader) throws(ValidationError) -> ServiceCase.RepairRequest {
        try r.rejectUnknownKeys(repairKeys)
        var parts: [ServiceCase.PartRequest] = []
        for (value, path) in try r.array("parts") {
            let p = try FieldReader(value, path: path, plainText: r.plainText)
            try p.rejectUnknownKeys(partKeys)
            guard let quantity = try p.integer("quantity") else {
                throw ValidationError(field: p.field("quantity"), "is required")
            }
            guard quantity > 0 else {
                throw ValidationError(
                    field: p.field("quantity"), "must be a positive whole number, got \(quantity)")
            }
            guard quantity <= 1000 else {
                throw ValidationError(field: p.field("quantity"), "\(quantity) is more than 1000")
            }
            parts.append(ServiceCase.PartRequest(sku: try p.requiredString("sku"), quantity: quantity))
        }
        return ServiceCase.RepairRequest(labor: try r.string("labor"), parts: parts)
    }

    static func decodeHistory(_ r: FieldReader) throws(ValidationError) -> ServiceCase.History {
        try r.rejectUnknownKeys(historyKeys)
        var quotes: [RuleID: String] = [:]
        if let q = try r.object("benefitQuotes") {
            for key in q.object.keys { quotes[RuleID(key)] = try q.requiredString(key) }
        }
        var previous: ServiceCase.PreviousRepair?
        if let p = try r.object("previousRepair") {
            try p.rejectUnknownKeys(previousRepairKeys)
            previous = ServiceCase.PreviousRepair(
                completed: try p.requiredDate("completed"), fault: try p.string("fault"),
                replacedParts: try p.stringArray("replacedParts").map(\.text),
                deviceReplaced: try p.bool("deviceReplaced", default: false))
        }
        return ServiceCase.History(
            benefitsUsed: try r.stringArray("benefitsUsed").map { RuleID($0.text) }, benefitQuotes: quotes,
            previousRepair: previous)
    }
}
