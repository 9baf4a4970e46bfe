import QuoteCore

extension QuoteFixture {
    static let anna = ServiceCase.Customer(name: "Anna de Vries", email: "anna@example.nl", language: "nl")
    static let xiaomi12Pro = ServiceCase.Device(
        model: "Xiaomi 12 Pro", category: .phone, imei: "490154203237518")

    /// NL, liquid damage (BX-3): the customer pays logistics, labour and the display plus 21 % VAT
    /// if accepted (BX-8), or logistics and handling if rejected (BX-9).
    static let nlOutOfWarranty: QuoteFixture = {
        func consumer(_ kind: LineKind, _ text: String, _ unit: String, _ rule: RuleID) -> ChargeLine {
            line(kind, text, unit, payer: .consumer, vat: "21", currency: eur, rule: rule)
        }
        let coverage = Coverage(
            status: .outOfWarranty, warrantyEnds: date("2027-01-12"),
            rules: cited("NL", "BX-3", "BX-8", "BX-9", "G-6", "BX-13"),
            windows: [Coverage.Window(name: .warranty, rule: "BX-1", ends: date("2027-01-12"))])
        let accepted = [
            consumer(.logisticsOutbound, "Shipping to the service center", "9.50", "BX-8"),
            consumer(.logisticsReturn, "Return shipping", "9.50", "BX-8"),
            consumer(.labor, "Repair level 2", "39.00", "BX-8"),
            consumer(
                .part, "Display assembly Xiaomi 12 Pro (AMOLED, with frame and adhesive kit)", "1189.00",
                "BX-8"),
        ]
        let rejected = [
            consumer(.logisticsOutbound, "Shipping to the service center", "9.50", "BX-9"),
            consumer(.logisticsReturn, "Return shipping", "9.50", "BX-9"),
            consumer(.handling, "Handling fee", "12.50", "BX-9"),
        ]
        let serviceCase = Self.serviceCase(
            market: "NL", requested: "2026-03-02", customer: anna, device: xiaomi12Pro, bought: "2025-01-10",
            fault: "Display flickers after a coffee spill")
        let quote = Self.quote(
            market: "NL", currency: eur, vat: "21", issued: "2026-03-02", coverage: coverage, lines: accepted,
            ifRejected: rejected)
        return QuoteFixture(
            name: "nl-out-of-warranty", quote: quote, serviceCase: serviceCase, marketLanguage: "nl",
            languages: ["nl", "en", "fr", "zh-Hant"])
    }()

    /// NL, in warranty (BX-7): the manufacturer pays everything, recorded net; the customer pays nothing.
    static let nlInWarranty: QuoteFixture = {
        func maker(_ kind: LineKind, _ text: String, _ unit: String) -> ChargeLine {
            line(kind, text, unit, payer: .manufacturer, currency: eur, rule: "BX-7")
        }
        let coverage = Coverage(
            status: .inWarranty, warrantyEnds: date("2027-01-12"),
            rules: cited("NL", "BX-1", "BX-7", "BX-13"),
            windows: [Coverage.Window(name: .warranty, rule: "BX-1", ends: date("2027-01-12"))])
        let lines = [
            maker(.logisticsOutbound, "Shipping to the service center", "9.50"),
            maker(.logisticsReturn, "Return shipping", "9.50"), maker(.labor, "Repair level 2", "39.00"),
            maker(.part, "Battery Xiaomi 12 Pro", "45.00"),
        ]
        let customer = ServiceCase.Customer(name: "Anna de Vries", email: "anna@example.nl")
        let serviceCase = Self.serviceCase(
            market: "NL", requested: "2026-03-02", customer: customer, device: xiaomi12Pro,
            bought: "2025-01-10",
            fault: "Battery drains within two hours")
        let quote = Self.quote(
            market: "NL", currency: eur, vat: "21", issued: "2026-03-02", coverage: coverage, lines: lines,
            number: "NL-2026-000123")
        return QuoteFixture(
            name: "nl-in-warranty", quote: quote, serviceCase: serviceCase, marketLanguage: "nl",
            languages: ["nl", "en"])
    }()

    /// BE, dead on arrival (BX-5): the manufacturer pays transport and screening.
    static let beDoa: QuoteFixture = {
        let coverage = Coverage(
            status: .doa, warrantyEnds: date("2028-02-20"), rules: cited("BE", "BX-5"),
            windows: [Coverage.Window(name: .doa, rule: "BX-5", ends: date("2026-03-07"))])
        let lines = [
            line(
                .logisticsOutbound, "Transport naar het servicecentrum", "9.50", payer: .manufacturer,
                currency: eur, rule: "BX-5"),
            line(.screening, "Screening", "20.00", payer: .manufacturer, currency: eur, rule: "BX-5"),
        ]
        let customer = ServiceCase.Customer(name: "Luc Dupont", email: "luc@example.be", language: "fr")
        let device = ServiceCase.Device(model: "Redmi Note 13", category: .phone, imei: "356938035643809")
        let serviceCase = Self.serviceCase(
            market: "BE", requested: "2026-02-24", kind: .doa, customer: customer, device: device,
            bought: "2026-02-20",
            fault: "Ne s’allume pas")
        let quote = Self.quote(
            market: "BE", currency: eur, vat: "21", issued: "2026-02-24", coverage: coverage, lines: lines,
            number: "BE-2026-000042")
        return QuoteFixture(
            name: "be-doa", quote: quote, serviceCase: serviceCase, marketLanguage: "nl", languages: ["fr"])
    }()

    /// LU, remorse (BX-6): the customer pays shipping to the center (17 % VAT), the manufacturer the screening.
    static let luRemorse: QuoteFixture = {
        let coverage = Coverage(
            status: .remorse, rules: cited("LU", "BX-6"),
            windows: [Coverage.Window(name: .remorse, rule: "BX-6", ends: date("2026-03-18"))])
        let lines = [
            line(
                .logisticsOutbound, "Shipping to the service center", "9.50", payer: .consumer, vat: "17",
                currency: eur, rule: "BX-6"),
            line(.screening, "Screening", "20.00", payer: .manufacturer, currency: eur, rule: "BX-6"),
        ]
        let customer = ServiceCase.Customer(name: "Marie Weber", language: "fr")
        let device = ServiceCase.Device(model: "Xiaomi Pad 6", category: .tablet, serial: "34512/00123456")
        let serviceCase = Self.serviceCase(
            market: "LU", requested: "2026-03-10", kind: .remorse, customer: customer, device: device,
            bought: "2026-03-03")
        let quote = Self.quote(
            market: "LU", currency: eur, vat: "17", issued: "2026-03-10", coverage: coverage, lines: lines)
        return QuoteFixture(
            name: "lu-remorse", quote: quote, serviceCase: serviceCase, marketLanguage: "fr",
            languages: ["fr", "nl"])
    }()

    /// NL, grey import (BX-4): refused; the retailer pays handling and return logistics.
    static let nlRefused: QuoteFixture = {
        let coverage = Coverage(status: .refused, rules: cited("NL", "BX-4"), advice: [.contactSeller])
        let lines = [
            line(.handling, "Handling fee", "12.50", payer: .retailer, currency: eur, rule: "BX-4"),
            line(.logisticsReturn, "Return shipping", "9.50", payer: .retailer, currency: eur, rule: "BX-4"),
        ]
        let customer = ServiceCase.Customer(name: "Pieter Jansen", language: "nl")
        let device = ServiceCase.Device(
            model: "Redmi Note 12 (global)", category: .phone, imei: "490154203237518")
        let serviceCase = Self.serviceCase(
            market: "NL", requested: "2026-03-02", customer: customer, device: device, bought: "2025-11-02",
            channel: .marketplace, fault: "Camera")
        let quote = Self.quote(
            market: "NL", currency: eur, vat: "21", issued: "2026-03-02", coverage: coverage, lines: lines)
        return QuoteFixture(
            name: "nl-refused", quote: quote, serviceCase: serviceCase, marketLanguage: "nl",
            languages: ["nl"])
    }()

    /// BE, TV panel out of warranty (BX-11): not repairable, no charges, advice to buy a new device.
    static let beNotRepairable: QuoteFixture = {
        let coverage = Coverage(
            status: .notRepairable, rules: cited("BE", "BX-11"), advice: [.considerNewDevice])
        let customer = ServiceCase.Customer(name: "Els Peeters", language: "nl")
        let device = ServiceCase.Device(
            model: "Xiaomi TV A Pro 55", category: .tv, serial: "TV55A2026BE0099",
            screenHundredthsOfInch: 5500)
        let serviceCase = Self.serviceCase(
            market: "BE", requested: "2026-04-01", customer: customer, device: device, bought: "2023-05-01",
            fault: "Vertical lines on the panel")
        let quote = Self.quote(
            market: "BE", currency: eur, vat: "21", issued: "2026-04-01", coverage: coverage, lines: [])
        return QuoteFixture(
            name: "be-not-repairable", quote: quote, serviceCase: serviceCase, marketLanguage: "nl",
            languages: ["nl", "en"])
    }()
}
