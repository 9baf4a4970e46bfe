/// Where a page of the finance export ended: the market and number of its last quote.
public struct ExportKey: Sendable, Equatable {
    public var market: String
    public var number: String

    public init(market: String, number: String) {
        self.market = market
        self.number = number
    }
}

/// One page of ``QuoteRepository/exportPage(after:today:zones:limit:)``: its JSON lines, each
/// ending with its line break, and the key to ask for the next page after (nil when the page is
/// empty: the export has ended).
public struct ExportPage: Sendable {
    public var lines: [String]
    public var last: ExportKey?

    public init(lines: [String], last: ExportKey?) {
        self.lines = lines
        self.last = last
    }
}
