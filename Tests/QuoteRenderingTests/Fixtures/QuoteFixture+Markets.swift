import QuoteCore

extension QuoteFixture {
    /// ES, month 13–24 of the warranty (ES-1): the retailer pays; shipping is free for the customer (ES-3).
    static let esInWarranty: QuoteFixture = {
        let coverage = Coverage(
            status: .inWarranty, warrantyEnds: date("2026-09-15"),
            rules: cited("ES", "ES-1", "ES-3", "ES-4", "ES-5"),
            windows: [
                Coverage.Window(name: .warranty, rule: "ES-1", ends: date("2026-09-15")),
                Coverage.Window(name: .postingDeadline, rule: "ES-4", ends: date("2026-05-01")),
            ])
        let lines = [
            line(
                .logisticsOutbound, "Envío al servicio técnico", "8.00", payer: .manufacturer, currency: eur,
                rule: "ES-3"),
            line(
                .logisticsReturn, "Envío de vuelta", "8.00", payer: .manufacturer, currency: eur, rule: "ES-3"
            ),
            line(.labor, "Reparación nivel 3", "65.00", payer: .retailer, currency: eur, rule: "ES-1"),
            line(
                .part, "Placa base Xiaomi 13T Pro", "1249.00", payer: .retailer, currency: eur, rule: "ES-1"),
        ]
        let customer = ServiceCase.Customer(
            name: "José Ángel Núñez", email: "jose@example.es", language: "es")
        let device = ServiceCase.Device(model: "Xiaomi 13T Pro", category: .phone, imei: "861234567890124")
        let serviceCase = Self.serviceCase(
            market: "ES", requested: "2026-04-01", customer: customer, device: device, bought: "2024-09-15",
            channel: .miStore, fault: "No carga")
        let quote = Self.quote(
            market: "ES", currency: eur, vat: "21", issued: "2026-04-01", coverage: coverage, lines: lines,
            number: "ES-2026-000007")
        return QuoteFixture(
            name: "es-in-warranty", quote: quote, serviceCase: serviceCase, marketLanguage: "es",
            languages: ["es"])
    }()

    /// HK, water damage (HK-9): quoted, no VAT (HK-14); mail-in postage if rejected (HK-8).
    static let hkOutOfWarranty: QuoteFixture = {
        func hk(_ kind: LineKind, _ text: String, _ unit: String, _ rule: RuleID) -> ChargeLine {
            line(kind, text, unit, payer: .consumer, currency: hkd, rule: rule)
        }
        let coverage = Coverage(
            status: .outOfWarranty, warrantyEnds: date("2027-06-30"),
            rules: cited("HK", "HK-9", "HK-8", "HK-14", "G-6"),
            windows: [Coverage.Window(name: .warranty, rule: "HK-4", ends: date("2027-06-30"))],
            notes: [.claimQuotedAsRepair(kind: .doa, reason: .windowEnded(date("2026-02-20")))])
        let accepted = [
            hk(.labor, "維修人工（第二級）", "350.00", "HK-9"),
            hk(.part, "Xiaomi 14 Ultra 主機板（含防水膠及螺絲套件，原廠零件）", "4200.00", "HK-9"),
            hk(.logisticsReturn, "郵寄回件", "60.00", "HK-8"),
        ]
        let rejected = [
            hk(.inspection, "檢測費", "150.00", "HK-9"), hk(.logisticsReturn, "郵寄回件", "60.00", "HK-8"),
        ]
        let customer = ServiceCase.Customer(name: "陳大文", email: "taiman@example.hk", language: "zh-Hant")
        let device = ServiceCase.Device(model: "Xiaomi 14 Ultra", category: .phone, imei: "352099001761481")
        let serviceCase = Self.serviceCase(
            market: "HK", requested: "2026-03-02", customer: customer, device: device, bought: "2025-06-30",
            fault: "手機入水後無法開機")
        let quote = Self.quote(
            market: "HK", currency: hkd, vat: "0", issued: "2026-03-02", coverage: coverage, lines: accepted,
            ifRejected: rejected)
        return QuoteFixture(
            name: "hk-out-of-warranty", quote: quote, serviceCase: serviceCase, marketLanguage: "zh-Hant",
            languages: ["zh-Hant", "en"])
    }()

    /// HK, end of service (G-8, HK-12): not repairable, inspection only.
    static let hkNotRepairable: QuoteFixture = {
        let coverage = Coverage(
            status: .notRepairable, rules: cited("HK", "G-8", "HK-12"), advice: [.inspectionOnly])
        let lines = [line(.inspection, "檢測及清潔", "150.00", payer: .consumer, currency: hkd, rule: "HK-12")]
        let customer = ServiceCase.Customer(name: "Wong Siu Ming", language: "en")
        let device = ServiceCase.Device(model: "Mi 11", category: .phone, imei: "867530012345671")
        let serviceCase = Self.serviceCase(
            market: "HK", requested: "2026-01-15", customer: customer, device: device, bought: "2021-04-01",
            fault: "Speaker distorted")
        let quote = Self.quote(
            market: "HK", currency: hkd, vat: "0", issued: "2026-01-15", coverage: coverage, lines: lines)
        return QuoteFixture(
            name: "hk-not-repairable", quote: quote, serviceCase: serviceCase, marketLanguage: "zh-Hant",
            languages: ["en", "zh-Hant"])
    }()

    /// PK, cracked screen after 6 months (PK-5) with the one-time free labour (PK-3): labour and an
    /// equal, opposite waiver; inspection fee if rejected (PK-7).
    static let pkOutOfWarranty: QuoteFixture = {
        func pk(_ kind: LineKind, _ text: String, _ unit: String, _ rule: RuleID) -> ChargeLine {
            line(kind, text, unit, payer: .consumer, currency: pkr, rule: rule)
        }
        let coverage = Coverage(
            status: .outOfWarranty, warrantyEnds: date("2027-08-01"),
            rules: cited("PK", "PK-1", "PK-5", "PK-3", "PK-7", "G-6"),
            windows: [
                Coverage.Window(name: .warranty, rule: "PK-2", ends: date("2027-08-01")),
                Coverage.Window(name: .freeLabor, rule: "PK-3", ends: date("2026-08-01")),
            ],
            benefitsGranted: ["PK-3"])
        let accepted = [
            pk(.labor, "Repair level 2", "3500.00", "PK-3"),
            pk(.waiver, "Free labour (one-time benefit)", "-3500.00", "PK-3"),
            pk(.part, "Display assembly Xiaomi 12", "29500.00", "PK-5"),
        ]
        let customer = ServiceCase.Customer(name: "Ayesha Khan", email: "ayesha@example.pk", language: "en")
        let device = ServiceCase.Device(model: "Xiaomi 12", category: .phone, imei: "356789012345675")
        let serviceCase = Self.serviceCase(
            market: "PK", requested: "2026-03-02", customer: customer, device: device, bought: "2025-08-01",
            channel: .retailer, fault: "Cracked screen")
        let quote = Self.quote(
            market: "PK", currency: pkr, vat: "0", issued: "2026-03-02", coverage: coverage, lines: accepted,
            ifRejected: [pk(.inspection, "Inspection fee", "1500.00", "PK-7")], number: "PK-2026-000311")
        return QuoteFixture(
            name: "pk-out-of-warranty", quote: quote, serviceCase: serviceCase, marketLanguage: "en",
            languages: ["en"])
    }()

    /// US, change of mind within 30 days (US-2): refund of the price only (US-5), return shipping
    /// paid by the customer (US-4). The consumer total is negative: money paid back.
    static let usRemorse: QuoteFixture = {
        let coverage = Coverage(
            status: .remorse, rules: cited("US", "US-2", "US-4", "US-5"),
            windows: [Coverage.Window(name: .return, rule: "US-2", ends: date("2026-03-20"))])
        let lines = [
            line(
                .refund, "Refund: Mi Power Bank 3 (price)", "-49.99", payer: .consumer, currency: usd,
                rule: "US-5"),
            line(
                .logisticsOutbound, "Return shipping label", "5.00", payer: .consumer, currency: usd,
                rule: "US-4"),
        ]
        let customer = ServiceCase.Customer(name: "Sam Taylor", email: "sam@example.com", language: "en")
        let device = ServiceCase.Device(
            model: "Mi Power Bank 3", category: .powerBank, serial: "PB3-US-20260219-0042")
        let serviceCase = Self.serviceCase(
            market: "US", requested: "2026-03-02", kind: .remorse, customer: customer, device: device,
            bought: "2026-02-18")
        let quote = Self.quote(
            market: "US", currency: usd, vat: "0", issued: "2026-03-02", coverage: coverage, lines: lines)
        return QuoteFixture(
            name: "us-remorse", quote: quote, serviceCase: serviceCase, marketLanguage: "en",
            languages: ["en", "es"])
    }()

    /// US, return with missing accessories (US-6): refused, nothing charged.
    static let usRefused: QuoteFixture = {
        let coverage = Coverage(status: .refused, rules: cited("US", "US-6"), advice: [.contactSeller])
        let customer = ServiceCase.Customer(name: "Sam Taylor", language: "en")
        let device = ServiceCase.Device(model: "Mi Band 8", category: .wearable, serial: "MB8-0099")
        let serviceCase = Self.serviceCase(
            market: "US", requested: "2026-03-02", kind: .remorse, customer: customer, device: device,
            bought: "2026-02-18")
        let quote = Self.quote(
            market: "US", currency: usd, vat: "0", issued: "2026-03-02", coverage: coverage, lines: [])
        return QuoteFixture(
            name: "us-refused", quote: quote, serviceCase: serviceCase, marketLanguage: "en",
            languages: ["en"])
    }()

    static let all: [QuoteFixture] = [
        nlOutOfWarranty, nlInWarranty, beDoa, luRemorse, nlRefused, beNotRepairable, esInWarranty,
        hkOutOfWarranty,
        hkNotRepairable, pkOutOfWarranty, usRemorse, usRefused,
    ]
}
