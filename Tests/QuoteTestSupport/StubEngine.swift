import QuoteCore

/// A stand-in for `QuoteCalculator` while the engine is being written: fixed prices, the G-10
/// benefit PK-3 (free labor) for an out-of-warranty repair in Pakistan within 12 months of
/// purchase, and `ifRejected` while an out-of-warranty quote is pending.
public struct StubEngine: QuoteComputing {
    public static let version = "stub-1"

    public init() {}

    public func quote(_ c: ServiceCase, version: String) throws(ValidationError) -> Quote {
        guard version == Self.version else {
            throw ValidationError(field: "priceListVersion", "unknown \(version)")
        }
        return try quote(c)
    }

    public func quote(_ c: ServiceCase) throws(ValidationError) -> Quote {
        let currencies = [
            "NL": "EUR", "BE": "EUR", "LU": "EUR", "ES": "EUR", "PK": "PKR", "US": "USD", "HK": "HKD",
        ]
        guard let code = currencies[c.market.rawValue], let currency = Currency.known[code] else {
            throw ValidationError(field: "market", "unknown market \"\(c.market)\"")
        }
        let outOfWarranty =
            c.findings.contains(.liquidDamage) || c.requestDate > c.purchase.date.adding(months: 24)
        let grantsFreeLabor =
            outOfWarranty && c.market.rawValue == "PK" && c.requestDate <= c.purchase.date.adding(months: 12)
            && !c.history.benefitsUsed.contains("PK-3")
        let payer: Payer = outOfWarranty ? .consumer : .manufacturer
        var lines = [line(.labor, "Repair", 3900, currency, payer: grantsFreeLabor ? .manufacturer : payer)]
        for part in c.repair.parts {
            lines.append(line(.part, part.sku, 10000 * Int64(part.quantity), currency, payer: payer))
        }
        var ifRejected: Quote.Alternative?
        if outOfWarranty && c.decision == .pending {
            let inspection = [line(.inspection, "Inspection", 2500, currency, payer: .consumer)]
            ifRejected = Quote.Alternative(
                lines: inspection, totals: try! Totals(lines: inspection, currency: currency))
        }
        let coverage = Coverage(
            status: outOfWarranty ? .outOfWarranty : .inWarranty,
            benefitsGranted: grantsFreeLabor ? ["PK-3"] : [])
        return Quote(
            market: c.market, currency: currency, priceListVersion: Self.version,
            settings: .init(
                vatRate: .zero, pricesIncludeVAT: false, vatRounding: .line, roundingMode: .halfUp),
            issueDate: c.requestDate, validUntil: c.requestDate.adding(days: 14), expectedCompletion: nil,
            coverage: coverage, lines: lines, totals: try! Totals(lines: lines, currency: currency),
            ifRejected: ifRejected,
            sample: true)
    }

    func line(_ kind: LineKind, _ description: String, _ minor: Int64, _ currency: Currency, payer: Payer)
        -> ChargeLine
    {
        let amount = Money(minorUnits: minor, currency: currency)
        return ChargeLine(
            kind: kind, description: description, quantity: 1, unitPrice: amount, net: amount, vatRate: .zero,
            vat: .zero(currency), gross: amount, payer: payer)
    }
}

/// Case JSON fixtures matching contract §1.
public enum Fixtures {
    /// A valid IMEI whose first 14 digits end in `serial`.
    public static func imei(_ serial: Int) -> String {
        let digits = String(serial)
        let body = "35" + String(repeating: "0", count: 12 - digits.count) + digits
        return body + String(IMEI.checkDigit(ArraySlice(body.compactMap(\.wholeNumberValue))))
    }

    /// A PK Xiaomi 12 Pro out-of-warranty repair 5 months after purchase: grants PK-3 once.
    public static func pakistanRepair(imei: String = imei(1), requestDate: String = "2026-03-02") -> String {
        caseJSON(
            market: "PK", imei: imei, requestDate: requestDate, purchase: "2025-10-01",
            findings: #"["liquid-damage"]"#)
    }

    /// An NL repair; out of warranty (liquid damage) unless `inWarranty`.
    public static func dutchRepair(
        imei: String = imei(2), requestDate: String = "2026-03-02", inWarranty: Bool = false
    )
        -> String
    {
        caseJSON(
            market: "NL", imei: imei, requestDate: requestDate, purchase: "2025-01-10",
            findings: inWarranty ? "[]" : #"["liquid-damage"]"#)
    }

    public static func caseJSON(
        market: String, imei: String, requestDate: String, purchase: String, findings: String
    )
        -> String
    {
        """
        {"market": "\(market)", "requestDate": "\(requestDate)", "kind": "repair", "serviceMode": "carry-in",
         "customer": {"name": "Anna de Vries", "email": "anna@example.nl", "language": "en"},
         "device": {"model": "Xiaomi 12 Pro", "category": "phone", "imei": "\(imei)"},
         "item": "main-device",
         "purchase": {"date": "\(purchase)", "channel": "mi.com", "official": true, "proofOfPurchase": true,
                      "firstOwner": true},
         "findings": \(findings), "fault": "display",
         "repair": {"labor": "L2", "parts": [{"sku": "X12P-DISPLAY", "quantity": 1}]},
         "history": {"benefitsUsed": []}, "decision": "pending"}
        """
    }
}
