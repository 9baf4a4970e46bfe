import Foundation
import Hummingbird
import QuoteCore
import QuoteFinance
import QuoteJSON
import QuoteRendering
import QuoteStore

extension ConsoleQuotesController {
    /// 20 a page, newest first unless `sort` says otherwise; filters `q` (number, reference, IMEI,
    /// serial, customer, model), `state`, `market`, `from` and `to` (issue dates); `before` (the
    /// cursor of issue order) or `offset` (of an order by total) for the next page.
    @Sendable func list(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try await access.page(request, context) { signedIn in
            let parameters = request.uri.queryParameters
            let filter = try ListFilter({ parameters.get($0) }, markets: console.catalog.markets)
            let page = try await desk.list(filter.query(), by: signedIn.principal)
            let format = console.format(language: signedIn.language)
            let mayExport = signedIn.user.role.may(.export)
            var view = access.baseView(signedIn)
            view["rows"] = page.quotes.map { row($0, format: format, payers: mayExport, signedIn) }
            view["payers"] = mayExport
            view["q"] = filter.text
            view["from"] = filter.from ?? ""
            view["to"] = filter.to ?? ""
            view["states"] = options(QuoteState.allCases.map(\.rawValue), chosen: filter.state ?? "") {
                console.pages.label("state." + $0, signedIn.language)
            }
            view["markets"] = options(console.catalog.markets.map(\.rawValue), chosen: filter.market ?? "") {
                $0
            }
            view["sorts"] = options(ListFilter.sorts, chosen: filter.sort) {
                console.pages.label("sort." + $0, signedIn.language)
            }
            if mayExport { view["csv"] = "/console/quotes.csv" + filter.queryString() }
            if page.nextAfter != nil {
                view["nextPage"] = "/console/quotes" + filter.next(after: page.nextAfter)
            }
            if filter.after != 0 || filter.offset != 0 {
                view["firstPage"] = "/console/quotes" + filter.queryString()
            }
            return ConsoleResponse.page(console.pages.render("list", language: signedIn.language, view: view))
        }
    }

    /// `GET /console/quotes.csv`: every quote the list's filters find (all pages), as
    /// `repairquote export --all-states` writes them: one row per charge line. Finance and the
    /// service center (the table's `export`).
    @Sendable func csv(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try await access.page(request, context) { signedIn in
            let parameters = request.uri.queryParameters
            let filter = try ListFilter({ parameters.get($0) }, markets: console.catalog.markets)
            let records = try await desk.exportList(filter.query(), by: signedIn.principal)
            let text = try QuoteExporter.csv(
                lines: records.map {
                    $0.exportLine(
                        today: services.today($0.market), zone: services.renderer.timeZone(of: $0.market))
                })
            var response = ConsoleResponse.file(text, contentType: "text/csv; charset=utf-8")
            response.headers[.contentDisposition] = #"attachment; filename="quotes.csv""#
            return response
        }
    }

    func options(_ values: [String], chosen: String, label: (String) -> String) -> [[String: Any]] {
        values.map { ["value": $0, "label": label($0), "selected": $0 == chosen] as [String: Any] }
    }

    /// A list row: amounts and the date in the user's language (one column, one format); with
    /// `payers`, what the manufacturer and the retailer pay (from the stored quote) and the issuer.
    func row(
        _ record: QuoteRecord, format: LocaleFormat?, payers: Bool, _ signedIn: ConsoleAccess.SignedIn
    ) -> [String: Any] {
        func text(_ money: Money?) -> String {
            money.map { (try? format?.money($0)) ?? $0.description } ?? ""
        }
        let customer = (try? CaseDecoder.decode(record.caseJSON, today: services.today))?.customer.name ?? ""
        let state = services.state(of: record).rawValue
        var row: [String: Any] = [
            "number": record.number, "reference": record.reference ?? "", "customer": customer,
            // The stored total: a page of 20 quotes is not computed again.
            "model": record.model ?? "", "total": text(record.consumerTotal), "state": state,
            "stateLabel": console.pages.label("state." + state, signedIn.language),
            "date": format?.date(record.issueDate) ?? record.issueDate.description,
        ]
        if payers {
            let totals = StoredTotals(quoteJSON: record.quoteJSON)
            row["manufacturer"] = text(totals[.manufacturer])
            row["retailer"] = text(totals[.retailer])
            row["issuer"] = record.issuer
        }
        return row
    }
}
