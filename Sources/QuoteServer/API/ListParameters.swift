import Hummingbird
import QuoteCore
import QuoteStore

/// The query of `GET /v1/quotes`: `state`, `q`, `market`, `model`, `status`, `from`, `to`, `sort`,
/// `viewed`, `cursor`, `limit`. An empty value (`?market=`) counts as absent; an unknown parameter or a
/// bad value is 422 naming it.
enum ListParameters {
    static let names: Set<String> = [
        "state", "q", "market", "model", "status", "from", "to", "sort", "cursor", "limit", "viewed",
    ]
    /// Issue order (oldest first, the default, or newest first), or by the customer's total.
    static let sorts = ["oldest", "newest", "total-desc", "total-asc"]
    /// Decision states, then every coverage status (`status` filters on either).
    static let statuses = ["issued", "accepted", "rejected"] + CoverageStatus.allCases.map(\.rawValue)

    static func query(_ parameters: Parameters, issuer: String?) throws -> QuoteQuery {
        if let unknown = parameters.first(where: { !names.contains(String($0.key)) }) {
            let known = names.sorted().joined(separator: ", ")
            throw APIError(
                .unprocessableContent, "unknown parameter (known: \(known))", field: String(unknown.key))
        }
        func value(_ name: String) -> String? {
            guard let text = parameters.get(name), !text.isEmpty else { return nil }
            return text
        }
        var query = QuoteQuery(
            market: value("market"), status: value("status"), from: value("from"), to: value("to"),
            issuer: issuer)
        try checkFilters(query)
        if let limit = value("limit") {
            guard let number = Int(limit), (1...100).contains(number) else {
                throw APIError(.unprocessableContent, "limit must be 1 to 100", field: "limit")
            }
            query.limit = number
        }
        try order(&query, sort: value("sort"), cursor: value("cursor"))
        if let state = value("state") {
            guard let known = QuoteState(rawValue: state) else {
                let states = QuoteState.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError(.unprocessableContent, "expected one of \(states)", field: "state")
            }
            query.state = known
        }
        if let viewed = value("viewed") {
            guard let flag = ["true": true, "false": false][viewed] else {
                throw APIError(.unprocessableContent, "expected true or false", field: "viewed")
            }
            query.viewed = flag
        }
        for field in ["q", "model"] {
            guard let text = value(field) else { continue }
            guard text.count <= 100, TextSafety.isClean(text) else {
                throw APIError(
                    .unprocessableContent, "expected up to 100 characters of one line", field: field)
            }
            if field == "q" { query.text = text } else { query.model = text }
        }
        return query
    }

    /// The market, status and date range: 422 naming the first that is wrong.
    static func checkFilters(_ query: QuoteQuery) throws {
        for (field, date) in [("from", query.from), ("to", query.to)] {
            if let date, CivilDate(date) == nil {
                throw APIError(.unprocessableContent, "expected YYYY-MM-DD", field: field)
            }
        }
        if let from = query.from.flatMap(CivilDate.init), let to = query.to.flatMap(CivilDate.init), from > to
        {
            throw APIError(.unprocessableContent, "is after to (\(to))", field: "from")
        }
        if let status = query.status, !statuses.contains(status) {
            throw APIError(
                .unprocessableContent, "expected one of \(statuses.joined(separator: ", "))", field: "status")
        }
        if let market = query.market,
            market.count != 2 || !market.allSatisfy({ $0.isASCII && $0.isUppercase })
        {
            throw APIError(.unprocessableContent, "expected a market code such as NL", field: "market")
        }
    }

    /// The order (`sort`) and the page to start from (`cursor`: a position, or an offset in total order).
    static func order(_ query: inout QuoteQuery, sort: String?, cursor: String?) throws {
        switch sort ?? "oldest" {
        case "oldest": break
        case "newest": query.newestFirst = true
        case "total-desc": query.totalOrder = .highestFirst
        case "total-asc": query.totalOrder = .lowestFirst
        default:
            throw APIError(
                .unprocessableContent, "expected one of \(sorts.joined(separator: ", "))", field: "sort")
        }
        if let cursor {
            if query.totalOrder == nil {
                query.after = try Cursor.decode(cursor)
            } else {
                query.offset = try Cursor.decodeOffset(cursor)
            }
        }
    }
}
