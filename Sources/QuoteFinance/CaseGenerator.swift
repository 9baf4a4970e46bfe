import QuoteCore

/// Draws random service cases from what a catalog knows: its markets, each market's models (from
/// the policy's model table and end-of-service list), labor codes, parts that fit the model, service
/// modes and rules. Cases are plausible, not always valid: the engine refuses some, and the caller
/// draws again. Every choice comes from the generator passed in, so a seed reproduces the case.
public struct CaseGenerator: Sendable {
    /// What one market offers, in a fixed order (dictionaries are sorted so draws are reproducible).
    struct MarketPool: Sendable {
        var market: MarketCode
        var list: PriceList
        var firstDay: CivilDate
        var models: [(name: String, category: DeviceCategory)]
        var labor: [DeviceCategory: [String]]
        var parts: [Part]
        var modes: [ServiceMode]
        var rules: [RuleID]
    }

    let pools: [MarketPool]
    /// How many days after a market's first price list a case's request date may fall (one year
    /// by default; `bench store` spreads its quotes over three).
    public var requestDays = 365

    public init(catalog: PriceListCatalog) {
        pools = catalog.markets.compactMap { market in
            guard let list = catalog.allVersions(of: market).first else { return nil }
            return Self.pool(
                market, list, catalog.allVersions(of: market).map(\.settings.effectiveFrom).min()!)
        }
    }

    public var markets: [MarketCode] { pools.map(\.market) }

    static func pool(_ market: MarketCode, _ list: PriceList, _ firstDay: CivilDate) -> MarketPool {
        let policy = list.policy
        var models = policy.models.map { (name: $0.key, category: $0.value) }
        for name in (policy.endOfService?.from.keys).map(Array.init) ?? [] where policy.models[name] == nil {
            models.append((name, .phone))
        }
        models.sort { $0.name < $1.name }
        var labor: [DeviceCategory: [String]] = [:]
        for key in list.labor.keys { labor[key.category, default: []].append(key.code) }
        for key in labor.keys { labor[key]?.sort() }
        return MarketPool(
            market: market, list: list, firstDay: firstDay, models: models, labor: labor,
            parts: list.parts.values.sorted { $0.sku < $1.sku },
            modes: policy.logistics.offered.sorted { $0.rawValue < $1.rawValue },
            rules: policy.rules.keys.filter { $0.rawValue.hasPrefix(market.rawValue + "-") }.sorted())
    }

    /// A random case, in `market` when given.
    public func draw(_ rng: inout SplitMix64, market: MarketCode? = nil) -> ServiceCase {
        let pool = pools.first { $0.market == market } ?? rng.pick(pools)
        let model = pool.models.isEmpty ? (name: "Xiaomi 14", category: .phone) : rng.pick(pool.models)
        let requestDate = pool.firstDay.adding(days: rng.int(in: 0...max(requestDays - 1, 0)))
        let kind = rng.pick([CaseKind.repair, .repair, .repair, .repair, .doa, .doa, .remorse, .installation])
        let purchase = drawPurchase(&rng, pool, requestDate: requestDate, kind: kind)
        var c = ServiceCase(
            market: pool.market, requestDate: requestDate, kind: kind,
            serviceMode: pool.modes.isEmpty ? .carryIn : rng.pick(pool.modes),
            customer: drawCustomer(&rng, pool), device: drawDevice(&rng, model.name, model.category),
            item: rng.chance(80) ? .mainDevice : rng.pick(Item.allCases), purchase: purchase,
            decision: rng.pick(Decision.allCases))
        c.findings = kind == .repair || rng.chance(25) ? drawFindings(&rng) : []
        c.fault = rng.pick(["display", "battery drains", "no power", "charging port", "speaker", "camera"])
        c.repair = drawRepair(&rng, pool, c.device)
        c.history = drawHistory(&rng, pool, requestDate: requestDate, parts: c.repair.parts.map(\.sku))
        if pool.list.policy.salesTaxRule != nil, rng.chance(50) {
            c.salesTaxRate = try? Percent.parse(rng.pick(["6", "7.25", "8.875", "4"]))
        }
        if rng.chance(10) { c.raisedVia = rng.pick(RaisedVia.allCases) }
        if pool.list.policy.onSite != nil, rng.chance(5) { c.emptyBox = true }
        return c
    }

    func drawPurchase(_ rng: inout SplitMix64, _ pool: MarketPool, requestDate: CivilDate, kind: CaseKind)
        -> ServiceCase.Purchase
    {
        let recent = kind == .doa || kind == .remorse
        let age = recent && rng.chance(85) ? rng.int(in: 0...12) : rng.int(in: 0...1100)
        let delivery = requestDate.adding(days: -age)
        let date = delivery.adding(days: -rng.int(in: 0...min(5, age + 5)))
        var p = ServiceCase.Purchase(
            date: date, deliveryDate: delivery, channel: rng.pick(Channel.allCases), official: rng.chance(92),
            proofOfPurchase: rng.chance(95), firstOwner: rng.chance(95))
        if rng.chance(30) { p.orderedOn = date }
        if recent, rng.chance(70) {
            let scale = pool.list.settings.currency.minorUnits
            func amount(_ range: ClosedRange<Int>) -> String {
                Decimals.format(Int64(rng.int(in: range)) * Decimals.pow10(max(scale - 2, 0)), scale: scale)
            }
            p.amounts = ServiceCase.PaidAmounts(
                price: amount(999...99_999), shipping: amount(0...999),
                giftWrap: rng.chance(20) ? amount(0...500) : "0",
                tax: amount(0...900))
            p.partialReturn = rng.chance(10)
        }
        return p
    }

    func drawCustomer(_ rng: inout SplitMix64, _ pool: MarketPool) -> ServiceCase.Customer {
        let first: String = rng.pick([
            "Anna", "Jan", "Sofía", "Wing", "Ayesha", "Michael", "Lucas", "Émilie", "Chen",
        ])
        let last = rng.pick(["de Vries", "Peeters", "García", "Chan", "Khan", "Brown", "Müller", "O'Neil"])
        let email =
            rng.chance(85)
            ? "\(first.lowercased().filter(\.isASCII))\(rng.int(in: 1...999))@example.com" : nil
        return ServiceCase.Customer(
            name: "\(first) \(last)", email: email, language: pool.list.settings.language)
    }

    func drawDevice(_ rng: inout SplitMix64, _ model: String, _ category: DeviceCategory)
        -> ServiceCase.Device
    {
        var body = (0..<14).map { _ in rng.int(in: 0...9) }
        body[0] = rng.int(in: 1...9)
        let imei = (body + [IMEI.checkDigit(body[...])]).map(String.init).joined()
        let withIMEI = category == .phone || category == .tablet ? rng.chance(97) : rng.chance(5)
        let serial = !withIMEI || rng.chance(30) ? "SN\(rng.int(in: 100_000...999_999))" : nil
        let screen: Int64? = category == .tv ? Int64(rng.pick([32, 43, 55, 65, 75])) * 100 : nil
        return ServiceCase.Device(
            model: model, category: category, imei: withIMEI ? imei : nil, serial: serial,
            screenHundredthsOfInch: screen)
    }

    func drawFindings(_ rng: inout SplitMix64) -> [Finding] {
        guard rng.chance(45) else { return [] }
        var findings = [rng.pick(Finding.allCases)]
        if rng.chance(20) {
            let second = rng.pick(Finding.allCases)
            if second != findings[0] { findings.append(second) }
        }
        return findings
    }

    func drawRepair(_ rng: inout SplitMix64, _ pool: MarketPool, _ device: ServiceCase.Device)
        -> ServiceCase.RepairRequest
    {
        let codes = pool.labor[device.category] ?? []
        let labor = codes.isEmpty || rng.chance(15) ? nil : rng.pick(codes)
        let fitting = pool.parts.filter { $0.fits(model: device.model) }
        var parts: [ServiceCase.PartRequest] = []
        for _ in 0..<(fitting.isEmpty ? 0 : rng.int(in: 0...2)) {
            let part = rng.pick(fitting)
            if !parts.contains(where: { $0.sku == part.sku }) {
                parts.append(ServiceCase.PartRequest(sku: part.sku, quantity: rng.chance(90) ? 1 : 2))
            }
        }
        return ServiceCase.RepairRequest(labor: labor, parts: parts)
    }

    func drawHistory(_ rng: inout SplitMix64, _ pool: MarketPool, requestDate: CivilDate, parts: [String])
        -> ServiceCase.History
    {
        var history = ServiceCase.History()
        if !pool.rules.isEmpty, rng.chance(10) { history.benefitsUsed = [rng.pick(pool.rules)] }
        if rng.chance(15) {
            history.previousRepair = ServiceCase.PreviousRepair(
                completed: requestDate.adding(days: -rng.int(in: 1...200)), fault: "display",
                replacedParts: rng.chance(60) ? parts : [], deviceReplaced: rng.chance(10))
        }
        return history
    }
}
