/// A page of quotes and their events, read in (quote, sequence) order by one statement each, as
/// the chains ``ChainVerifier`` checks. Each store only runs the two statements.
struct ChainPage: Sendable {
    /// Quotes per page: large enough that the two statements per page cost little, small enough
    /// that a page's events stay a few megabytes.
    static let size = 2000

    /// The page's quotes in number order, each with its events.
    private(set) var chains: [StoredChain] = []
    private let events: [QuoteEvent]
    private var index = 0

    init(events: [QuoteEvent]) { self.events = events }

    /// Adds the next quote of the page, with its events: those of `number` in the page's events
    /// (skipping any of quotes before it, which the quotes query did not return and so cannot
    /// exist). Quotes come in number order, as the events do.
    mutating func append(number: String, quoteJSON: String, finalJSON: String?) {
        while index < events.count, events[index].quoteNumber.utf8.lexicographicallyPrecedes(number.utf8) {
            index += 1
        }
        let start = index
        while index < events.count, events[index].quoteNumber == number { index += 1 }
        chains.append(
            StoredChain(
                number: number, quoteJSON: quoteJSON, finalJSON: finalJSON, events: events[start..<index]))
    }
}

/// One stored quote as the verifier checks it: its stored JSON, its decision's charges, its events.
struct StoredChain: Sendable {
    var number: String
    var quoteJSON: String
    var finalJSON: String?
    var events: ArraySlice<QuoteEvent>
}
