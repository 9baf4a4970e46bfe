import Foundation
import QuoteCore
import QuoteTestSupport
import Testing

@testable import QuoteStore

/// The finance reports' aggregates on each store: a store with known quotes in every state, and
/// the rows each report gives for several filters, to the cent.
@Suite("finance reports from aggregate SQL (each store)")
struct ReportContractTests {
    static let today = CivilDate(year: 2026, month: 6, day: 15)!
    static let period = (from: ReportMonth("2026-01")!, to: ReportMonth("2026-06")!)

    static func filter(
        market: String? = nil, currency: String? = nil, issuer: String? = nil, modelFamily: String? = nil,
        from: ReportMonth = period.from, to: ReportMonth = period.to
    ) -> ReportFilter {
        ReportFilter(
            today: today, from: from, to: to, market: market, currency: currency, issuer: issuer,
            modelFamily: modelFamily)
    }

    /// Noon UTC of a day: its UTC day is the market's day, so the back-fill counts the same days.
    static func noon(_ day: String) -> Date {
        Date(timeIntervalSince1970: Double(CivilDate(day)!.dayNumber) * 86400 + 43200)
    }

    /// Issues and decides the quotes of the story, returns nothing: every report below reads them.
    ///
    /// March: A (NL, out of warranty) accepted on the link after 3 days, EUR 139.00 consumer; B (NL,
    /// retailer R-100) rejected by the retailer after 10 days, its EUR 25.00 inspection fee; C (NL,
    /// in warranty, a Pixel 8) accepted by staff after 1 day, EUR 139.00 manufacturer; D (NL)
    /// expired; P (PK, free labour PK-3) accepted by staff the same day, PKR 100.00 consumer and
    /// PKR 39.00 manufacturer. April: F void, G replaced by H, H expired. June: E open.
    static func story(_ repo: any QuoteRepository) async throws {
        func issue(_ json: String, issuer: String = "desk-1") async throws -> String {
            try await Store.issue(repo, json, issuer: issuer).issued.record.number
        }
        func decide(_ number: String, _ decision: Decision, role: String, channel: String, on day: String)
            async throws
        {
            _ = try await repo.decide(
                DecisionRequest(
                    number: number, decision: decision, decidedBy: role, finalJSON: "{}", role: role,
                    channel: channel, at: noon(day), today: CivilDate(day)))
        }
        let a = try await issue(Fixtures.dutchRepair(imei: Fixtures.imei(21), requestDate: "2026-03-02"))
        let b = try await issue(
            Fixtures.dutchRepair(imei: Fixtures.imei(22), requestDate: "2026-03-10"), issuer: "R-100")
        let c = try await issue(
            Fixtures.dutchRepair(imei: Fixtures.imei(23), requestDate: "2026-03-12", inWarranty: true)
                .replacingOccurrences(of: "Xiaomi 12 Pro", with: "Pixel 8"))
        _ = try await issue(Fixtures.dutchRepair(imei: Fixtures.imei(24), requestDate: "2026-03-15"))
        let p = try await issue(Fixtures.pakistanRepair(imei: Fixtures.imei(25), requestDate: "2026-03-05"))
        let f = try await issue(Fixtures.dutchRepair(imei: Fixtures.imei(26), requestDate: "2026-04-01"))
        let g = try await issue(Fixtures.dutchRepair(imei: Fixtures.imei(27), requestDate: "2026-04-02"))
        _ = try await LifecycleContractTests.revise(
            repo, Fixtures.dutchRepair(imei: Fixtures.imei(27), requestDate: "2026-04-02"), supersedes: g)
        _ = try await issue(
            Fixtures.dutchRepair(imei: Fixtures.imei(28), requestDate: "2026-06-10", inWarranty: true))
        try await decide(a, .accepted, role: "customer", channel: "customer-link", on: "2026-03-05")
        try await decide(b, .rejected, role: "retailer", channel: "in-person", on: "2026-03-20")
        try await decide(c, .accepted, role: "service-center", channel: "phone", on: "2026-03-13")
        try await decide(p, .accepted, role: "service-center", channel: "phone", on: "2026-03-05")
        _ = try await repo.void(
            VoidRequest(
                number: f, reason: "wrong device", voidedBy: "desk-1", today: CivilDate("2026-04-01")!))
    }

    static func payer(
        _ month: String, _ currency: String, _ payer: String, quotes: Int, lines: Int, _ net: Int64
    )
        -> PayerChargeRow
    {
        PayerChargeRow(
            month: month, currency: currency, payer: payer, quotes: quotes, lines: lines, net: net, vat: 0,
            gross: net)
    }

    /// Every report of every filter below, as text, to compare a store before and after a back-fill.
    static func everything(_ repo: any QuoteRepository) async throws -> String {
        var text = ""
        for filter in [
            filter(), filter(currency: "PKR"), filter(issuer: "R-100"), filter(modelFamily: "Pixel 8"),
        ] {
            text +=
                "\(try await repo.conversionReport(filter))\n\(try await repo.decisionTimeReport(filter))\n"
            text += "\(try await repo.payerReport(filter))\n"
            for dimension in TopCostDimension.allCases {
                text += "\(try await repo.topCostReport(filter, by: dimension))\n"
            }
        }
        return text
    }

    @Test(
        "conversion counts each month's quotes by state; the rate is over decided plus expired",
        arguments: StoreKind.allCases)
    func conversion(kind: StoreKind) async throws {
        try await kind.with { store in
            try await Self.story(store.repo)
            let rows = try await store.repo.conversionReport(Self.filter())
            #expect(
                rows == [
                    ConversionRow(month: "2026-03", issued: 5, accepted: 3, rejected: 1, expired: 1),
                    ConversionRow(month: "2026-04", issued: 3, expired: 1, void: 1, superseded: 1),
                    ConversionRow(month: "2026-06", issued: 1, open: 1),
                ])
            #expect(rows.map(\.acceptancePerMille) == [600, 0, nil])
            #expect(
                try await store.repo.conversionReport(Self.filter(issuer: "R-100"))
                    == [ConversionRow(month: "2026-03", issued: 1, rejected: 1)])
            #expect(
                try await store.repo.conversionReport(Self.filter(modelFamily: "Pixel 8"))
                    == [ConversionRow(month: "2026-03", issued: 1, accepted: 1)])
            #expect(
                try await store.repo.conversionReport(Self.filter(market: "PK"))
                    == [ConversionRow(month: "2026-03", issued: 1, accepted: 1)])
            let april = ReportMonth("2026-04")!
            #expect(
                try await store.repo.conversionReport(Self.filter(from: april, to: april)).map(\.month) == [
                    "2026-04"
                ])
        }
    }

    @Test(
        "charges by payer are the decided charges per month and currency, never added across currencies",
        arguments: StoreKind.allCases)
    func payers(kind: StoreKind) async throws {
        try await kind.with { store in
            try await Self.story(store.repo)
            #expect(
                try await store.repo.payerReport(Self.filter()) == [
                    Self.payer("2026-03", "EUR", "consumer", quotes: 2, lines: 3, 16400),
                    Self.payer("2026-03", "EUR", "manufacturer", quotes: 1, lines: 2, 13900),
                    Self.payer("2026-03", "PKR", "consumer", quotes: 1, lines: 1, 10000),
                    Self.payer("2026-03", "PKR", "manufacturer", quotes: 1, lines: 1, 3900),
                ])
            #expect(
                try await store.repo.payerReport(Self.filter(currency: "PKR")).map(\.currency) == [
                    "PKR", "PKR",
                ])
            #expect(
                try await store.repo.payerReport(Self.filter(issuer: "R-100")) == [
                    Self.payer("2026-03", "EUR", "consumer", quotes: 1, lines: 1, 2500)
                ])
        }
    }

    @Test(
        "time to decision: median and 90th percentile days per month and channel",
        arguments: StoreKind.allCases)
    func decisionTime(kind: StoreKind) async throws {
        try await kind.with { store in
            try await Self.story(store.repo)
            #expect(
                try await store.repo.decisionTimeReport(Self.filter()) == [
                    DecisionTimeRow(
                        month: "2026-03", channel: "customer-link", decided: 1, medianDays: 3, p90Days: 3),
                    DecisionTimeRow(
                        month: "2026-03", channel: "retailer", decided: 1, medianDays: 10, p90Days: 10),
                    DecisionTimeRow(
                        month: "2026-03", channel: "staff", decided: 2, medianDays: 0, p90Days: 1),
                ])
        }
    }

    @Test(
        "the top models and case kinds by the manufacturer's decided charges, per currency",
        arguments: StoreKind.allCases)
    func topCosts(kind: StoreKind) async throws {
        try await kind.with { store in
            try await Self.story(store.repo)
            #expect(
                try await store.repo.topCostReport(Self.filter(), by: .model) == [
                    TopCostRow(name: "Pixel 8", currency: "EUR", quotes: 1, net: 13900, gross: 13900),
                    TopCostRow(name: "Xiaomi 12 Pro", currency: "PKR", quotes: 1, net: 3900, gross: 3900),
                ])
            #expect(
                try await store.repo.topCostReport(Self.filter(), by: .kind).map {
                    "\($0.name) \($0.currency)"
                }
                    == ["repair EUR", "repair PKR"])
            #expect(try await store.repo.topCostReport(Self.filter(), by: .model, limit: 0).isEmpty)
        }
    }

    @Test(
        "filters combined: each report keeps only the quotes every filter keeps",
        arguments: StoreKind.allCases)
    func combinedFilters(kind: StoreKind) async throws {
        try await kind.with { store in
            try await Self.story(store.repo)
            let repo = store.repo
            let march = ReportMonth("2026-03")!
            // NL by desk-1 in March: A and C accepted, D expired (B is R-100's, P is Pakistan's).
            #expect(
                try await repo.conversionReport(
                    Self.filter(market: "NL", issuer: "desk-1", from: march, to: march))
                    == [ConversionRow(month: "2026-03", issued: 3, accepted: 2, expired: 1)])
            // EUR Xiaomi 12 in March: A accepted, B rejected, D expired (C is a Pixel 8, P is PKR).
            #expect(
                try await repo.conversionReport(
                    Self.filter(currency: "EUR", modelFamily: "Xiaomi 12", from: march, to: march))
                    == [ConversionRow(month: "2026-03", issued: 3, accepted: 1, rejected: 1, expired: 1)])
            #expect(try await repo.conversionReport(Self.filter(market: "PK", issuer: "R-100")).isEmpty)
            #expect(
                try await repo.decisionTimeReport(Self.filter(issuer: "desk-1")) == [
                    DecisionTimeRow(
                        month: "2026-03", channel: "customer-link", decided: 1, medianDays: 3, p90Days: 3),
                    DecisionTimeRow(
                        month: "2026-03", channel: "staff", decided: 2, medianDays: 0, p90Days: 1),
                ])
            #expect(
                try await repo.decisionTimeReport(Self.filter(market: "PK")) == [
                    DecisionTimeRow(month: "2026-03", channel: "staff", decided: 1, medianDays: 0, p90Days: 0)
                ])
            #expect(
                try await repo.payerReport(Self.filter(market: "NL", modelFamily: "Xiaomi 12")) == [
                    Self.payer("2026-03", "EUR", "consumer", quotes: 2, lines: 3, 16400)
                ])
            #expect(
                try await repo.payerReport(Self.filter(modelFamily: "Pixel 8")) == [
                    Self.payer("2026-03", "EUR", "manufacturer", quotes: 1, lines: 2, 13900)
                ])
            #expect(try await repo.payerReport(Self.filter(market: "PK", currency: "EUR")).isEmpty)
            #expect(
                try await repo.topCostReport(Self.filter(currency: "EUR"), by: .model) == [
                    TopCostRow(name: "Pixel 8", currency: "EUR", quotes: 1, net: 13900, gross: 13900)
                ])
            #expect(try await repo.topCostReport(Self.filter(issuer: "R-100"), by: .model).isEmpty)
            #expect(try await repo.payerReport(Self.filter(from: ReportMonth("2026-04")!)).isEmpty)
        }
    }

    @Test(
        "conversion per issuer: the issuers' reports add up to the whole, cell by cell",
        arguments: StoreKind.allCases)
    func conversionPerIssuer(kind: StoreKind) async throws {
        try await kind.with { store in
            try await Self.story(store.repo)
            let whole = try await store.repo.conversionReport(Self.filter())
            var added: [String: ConversionRow] = [:]
            for issuer in ["desk-1", "R-100"] {
                for row in try await store.repo.conversionReport(Self.filter(issuer: issuer)) {
                    var sum = added[row.month] ?? ConversionRow(month: row.month)
                    sum.issued += row.issued
                    sum.accepted += row.accepted
                    sum.rejected += row.rejected
                    sum.expired += row.expired
                    sum.void += row.void
                    sum.superseded += row.superseded
                    sum.open += row.open
                    added[row.month] = sum
                }
            }
            #expect(added.values.sorted { $0.month < $1.month } == whole)
            #expect(try await store.repo.conversionReport(Self.filter(issuer: "nobody")).isEmpty)
        }
    }

    @Test(
        "v9-report-columns back-fills a store from before it: the same reports", arguments: StoreKind.allCases
    )
    func backfill(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await Self.story(store.repo)
        let before = try await Self.everything(store.repo)
        // The store as it was before the migration: no tables, no column, the migration not applied.
        for statement in [
            "DROP TABLE report_charges", "DROP TABLE report_quotes", "DROP INDEX quotes_report",
            "ALTER TABLE decisions DROP COLUMN decision_days",
            store.sqlite != nil
                ? "DELETE FROM grdb_migrations WHERE identifier = 'v9-report-columns'"
                : "DELETE FROM schema_migrations WHERE name = 'v9-report-columns'",
        ] {
            try await store.execute(statement)
        }
        let reopened = try await store.reopen()
        defer { Task { await reopened.close() } }
        #expect(try await Self.everything(reopened.repo) == before)
        #expect(try await reopened.count("report_quotes") == 9)
    }

    @Test("the percentiles are read from a histogram by nearest rank")
    func percentiles() {
        let histogram: [[ReportStatement.Cell]] = [(1, 1), (2, 2), (5, 1), (9, 1)].map {
            [.text("2026-03"), .text("staff"), .integer($0.0), .integer($0.1)]
        }
        #expect(
            DecisionTimeRow.rows(histogram: histogram) == [
                DecisionTimeRow(month: "2026-03", channel: "staff", decided: 5, medianDays: 2, p90Days: 9)
            ])
    }

    @Test("a model's family is its name up to the first word with a digit")
    func modelFamily() {
        #expect(ReportFacts.family("iPhone 15 Pro Max") == "iPhone 15")
        #expect(ReportFacts.family("Galaxy S23 Ultra") == "Galaxy S23")
        #expect(ReportFacts.family("MacBook Air") == "MacBook Air")
        #expect(ReportFacts.family(nil) == "")
    }

    @Test("a report month is YYYY-MM with a month from 01 to 12")
    func months() {
        #expect(ReportMonth("2026-03")?.description == "2026-03")
        #expect(ReportMonth("2026-13") == nil && ReportMonth("2026-3") == nil && ReportMonth("march") == nil)
        #expect(ReportMonth("2026-01")!.adding(months: -1).description == "2025-12")
        #expect(ReportFilter(today: CivilDate("2026-06-15")!).from.description == "2025-07")
    }
}
