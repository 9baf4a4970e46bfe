import Foundation
import Hummingbird
import QuoteCore
import QuoteRendering
import QuoteStore

/// The console's finance reports (`/console/reports`): the filters as query parameters (a view
/// can be bookmarked), four blocks each with a server-drawn chart and its data as a table, and
/// "Download CSV" of exactly the rows shown (`/console/reports/csv?report=…`, 400 with a JSON body
/// for a bad filter). A retailer sees its own quotes only.
struct ConsoleReportsController<Repository: QuoteRepository>: Sendable {
    let desk: QuoteDesk<Repository>
    let access: ConsoleAccess
    var console: ConsoleConfiguration { access.console }

    func register(on group: RouterGroup<ServiceRequestContext>) {
        group.get("reports", use: page)
        group.get("reports/csv", use: csv)
    }

    static func input(_ request: Request) -> ReportFilterInput {
        let p = request.uri.queryParameters
        func value(_ name: Substring) -> String? { p[name].map(String.init) }
        return ReportFilterInput(
            market: value("market"), currency: value("currency"), from: value("from"), to: value("to"),
            issuer: value("issuer"), modelFamily: value("family"))
    }

    var markets: Set<String> { Set(console.catalog.markets.map(\.rawValue)) }

    @Sendable func page(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try await access.page(request, context) { signedIn in
            let input = Self.input(request)
            let answer = try await desk.reports(
                ReportTable.Kind.allCases, input, markets: markets, by: signedIn.principal)
            let view = ReportPageView(
                pages: console.pages, language: signedIn.language, format: format(signedIn.language),
                input: input, retailer: signedIn.principal.listIssuer,
                markets: console.catalog.markets.map(\.rawValue))
            var values = access.baseView(signedIn)
            switch answer {
            case .failure(let refusals):
                values.merge(view.form(refusals: refusals.all)) { $1 }
                return ConsoleResponse.page(
                    console.pages.render("reports", language: signedIn.language, view: values),
                    status: .badRequest)
            case .success(let (filter, tables)):
                values.merge(view.form(refusals: [])) { $1 }
                values["blocks"] = tables.map { view.block($0, filter: filter, query: Self.query(input)) }
                return ConsoleResponse.page(
                    console.pages.render("reports", language: signedIn.language, view: values))
            }
        }
    }

    /// One report's rows as CSV (RFC 4180, CRLF), the rows of the page's table.
    @Sendable func csv(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try await access.page(request, context) { signedIn in
            let name = request.uri.queryParameters["report"].map(String.init) ?? ""
            guard let kind = ReportTable.Kind(rawValue: name) else {
                return try APIError(.badRequest, "unknown report \"\(name)\"", field: "report")
                    .response(from: request, context: context)
            }
            switch try await desk.reports(
                [kind], Self.input(request), markets: markets, by: signedIn.principal)
            {
            case .failure(let refusals):
                return try APIError(.badRequest, "\(refusals.all[0])", field: refusals.all[0].field)
                    .response(from: request, context: context)
            case .success(let (_, tables)):
                var headers = ConsoleResponse.securityHeaders
                headers[.contentType] = "text/csv; charset=utf-8"
                headers[.contentDisposition] = "attachment; filename=\"\(kind.rawValue).csv\""
                let text = ([tables[0].header] + tables[0].rows).map(Self.record).joined()
                return Response(
                    status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
            }
        }
    }

    /// One CSV record: a field quoted when it holds a comma, a quote, CR or LF; CRLF at the end.
    static func record(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { ",\"\r\n".contains($0) })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }

    /// The filter's query string (given fields only), for the CSV links.
    static func query(_ input: ReportFilterInput) -> String {
        let pairs: [(String, String?)] = [
            ("market", input.market), ("currency", input.currency), ("from", input.from), ("to", input.to),
            ("issuer", input.issuer), ("family", input.modelFamily),
        ]
        var components = URLComponents()
        components.queryItems = pairs.compactMap { name, value in
            value.map { URLQueryItem(name: name, value: $0) }
        }
        return components.percentEncodedQuery ?? ""
    }

    /// How the user's language writes money and months.
    func format(_ language: String) -> LocaleFormat? {
        let labels =
            console.documents.catalog.labels(for: language) ?? console.documents.catalog.labels(for: "en")
        return labels.flatMap { try? LocaleFormat(labels: $0) }
    }
}
