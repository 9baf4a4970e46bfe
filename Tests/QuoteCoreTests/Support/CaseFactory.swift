import QuoteCore

/// Builds random but valid cases from the loaded price lists, for property tests.
struct CaseFactory {
    let catalog: PriceListCatalog
    var rng: SplitMix

    init(catalog: PriceListCatalog, seed: UInt64) {
        self.catalog = catalog
        self.rng = SplitMix(seed: seed)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(rng.next() % UInt64(range.count))
    }

    mutating func imei() -> String {
        let body = (0..<14).map { _ in Int(rng.next() % 10) }
        return body.map(String.init).joined() + String(IMEI.checkDigit(body[...]))
    }

    mutating func make() -> ServiceCase {
        let market = pick(catalog.markets)
        let list = catalog.allVersions(of: market)[0]
        let policy = list.policy
        let categories = Array(Set(list.labor.keys.map(\.category))).sorted { $0.rawValue < $1.rawValue }
        let category = pick(categories)
        let listed = policy.models.filter { $0.value == category }.map(\.key).sorted()
        let model = listed.isEmpty || chance(10) ? "Generic \(category.rawValue)" : pick(listed)
        var modes = policy.logistics.offered.sorted { $0.rawValue < $1.rawValue }
        if category != .tv || policy.onSite == nil { modes.removeAll { $0 == .onSite } }
        var kinds: [CaseKind] = [.repair, .repair, .repair, .doa]
        if policy.remorse != nil { kinds.append(.remorse) }
        if policy.installation != nil { kinds.append(.installation) }
        let purchase = CivilDate("2024-01-01")!.adding(days: int(0...700))
        let delivery = purchase.adding(days: int(0...4))
        let request = delivery.adding(days: chance(30) ? int(0...20) : int(0...900))
        let parts = list.parts.values.filter { $0.category != .swapUnit && $0.fits(model: model) }.sorted {
            $0.sku < $1.sku
        }
        var requests: [ServiceCase.PartRequest] = []
        if !parts.isEmpty && chance(70) { requests.append(.init(sku: pick(parts).sku, quantity: int(1...3))) }
        let labor = list.labor.keys.filter { $0.category == category }.map(\.code).sorted()
        let findings: [Finding] = (0..<int(0...2)).map { _ in pick(Finding.allCases) }
        return ServiceCase(
            market: market, requestDate: request, kind: pick(kinds), serviceMode: pick(modes),
            customer: .init(name: "Test Customer"),
            device: .init(
                model: model, category: category,
                imei: chance(80) || policy.imeiRequired != nil ? imei() : nil,
                serial: "SN\(rng.next() % 100000)",
                screenHundredthsOfInch: category == .tv ? pick([3200, 4300, 5500, 6500]) : nil),
            item: pick(Item.allCases),
            purchase: purchaseDetails(purchase, delivery, currency: list.settings.currency),
            findings: Array(Set(findings)).sorted { $0.rawValue < $1.rawValue },
            fault: pick(["display", "battery", "no power"]),
            repair: .init(labor: labor.isEmpty || chance(10) ? nil : pick(labor), parts: requests),
            history: .init(benefitsUsed: chance(20) ? [pick(["PK-3", "PK-4"].map { RuleID($0) })] : []),
            decision: pick(Decision.allCases),
            salesTaxRate: policy.salesTaxRule != nil && chance(50)
                ? try! Percent.parse(pick(["6", "8.875", "7.25"])) : nil,
            raisedVia: chance(20) ? pick(RaisedVia.allCases) : nil,
            emptyBox: policy.onSite != nil && chance(20))
    }

    mutating func purchaseDetails(_ date: CivilDate, _ delivery: CivilDate, currency: Currency)
        -> ServiceCase.Purchase
    {
        let amounts = ServiceCase.PaidAmounts(
            price: "\(int(10...500)).\(int(10...99))", shipping: "5.00", giftWrap: chance(30) ? "3.00" : "0",
            tax: "4.12")
        return ServiceCase.Purchase(
            date: date, deliveryDate: delivery, channel: pick(Channel.allCases), official: chance(90),
            proofOfPurchase: chance(90),
            firstOwner: chance(95), orderedOn: chance(30) ? date : nil, amounts: amounts,
            partialReturn: chance(20))
    }
}

/// A small, fast, reproducible PRNG (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
