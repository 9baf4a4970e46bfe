import Foundation
import QuoteCore
import QuoteStore

/// The quote list's filters and order, read from its query string and written back into the
/// links of its pages and of its CSV: one place, so that the CSV holds exactly the rows filtered.
struct ListFilter {
    /// The orders: issue order either way, or by the customer's total either way.
    static let sorts = ["newest", "oldest", "total-desc", "total-asc"]
    static let pageSize = 20

    private(set) var text = ""
    private(set) var state: String?
    private(set) var market: String?
    private(set) var from: String?
    private(set) var to: String?
    private(set) var sort = "newest"
    /// The cursor of issue order (`before`), or the rows skipped in an order by total (`offset`).
    private(set) var after: Int64 = 0
    private(set) var offset = 0

    /// Reads `q`, `state`, `market`, `from`, `to`, `sort`, `before` and `offset`; a bad value is a
    /// 422 naming its parameter.
    init(_ value: (String) -> String?, markets: [MarketCode]) throws {
        func given(_ name: String) -> String? { value(name).flatMap { $0.isEmpty ? nil : $0 } }
        func refuse(_ message: String) -> ConsoleRefusal { ConsoleRefusal(.unprocessableContent, message) }
        text = given("q") ?? ""
        guard text.count <= 100, TextSafety.isClean(text) else {
            throw refuse("q: expected up to 100 characters of one line")
        }
        state = given("state")
        if let state, QuoteState(rawValue: state) == nil {
            throw refuse("state: \"\(state)\" is not a state")
        }
        market = given("market")
        if let market, !markets.contains(MarketCode(market)) {
            throw refuse("market: \"\(market)\" is not a market")
        }
        for (name, day) in [("from", given("from")), ("to", given("to"))] {
            guard let day else { continue }
            guard day.count == 10, CivilDate(day) != nil else {
                throw refuse("\(name): expected a date YYYY-MM-DD")
            }
        }
        (from, to) = (given("from"), given("to"))
        sort = given("sort") ?? "newest"
        guard Self.sorts.contains(sort) else {
            throw refuse("sort: expected one of \(Self.sorts.joined(separator: ", "))")
        }
        if let before = given("before") {
            guard let cursor = Int64(before), cursor > 0 else {
                throw refuse("before: expected a page cursor")
            }
            after = cursor
        }
        if let skip = given("offset") {
            guard let rows = Int(skip), rows >= 0, rows <= 1_000_000 else {
                throw refuse("offset: expected 0 to 1000000")
            }
            offset = rows
        }
    }

    /// The store's query of this filter and page.
    func query() -> QuoteQuery {
        var query = QuoteQuery(market: market, from: from, to: to, after: after, limit: Self.pageSize)
        query.text = text.isEmpty ? nil : text
        query.state = state.flatMap(QuoteState.init(rawValue:))
        switch sort {
        case "total-desc": query.totalOrder = .highestFirst
        case "total-asc": query.totalOrder = .lowestFirst
        default: query.newestFirst = sort == "newest"
        }
        query.offset = offset
        return query
    }

    /// `?q=…&market=…` of the filters and order (not the page); empty when there are none.
    func queryString(_ page: [URLQueryItem] = []) -> String {
        let filters: [(String, String?)] = [
            ("q", text.isEmpty ? nil : text), ("state", state), ("market", market), ("from", from),
            ("to", to),
            ("sort", sort == "newest" ? nil : sort),
        ]
        var components = URLComponents()
        components.queryItems =
            filters.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } } + page
        guard let query = components.percentEncodedQuery, !query.isEmpty else { return "" }
        return "?" + query
    }

    /// The query string of the next page: after the store's cursor in issue order, or 20 rows on.
    func next(after cursor: Int64?) -> String {
        sort.hasPrefix("total")
            ? queryString([URLQueryItem(name: "offset", value: String(offset + Self.pageSize))])
            : queryString([URLQueryItem(name: "before", value: String(cursor ?? 0))])
    }
}
