/// The events of a page of quotes, in (quote, sequence) order, handed out quote by quote as the
/// verifier walks the page's quotes in the same order.
struct ChainPage {
    /// Quotes per page: large enough that the two statements per page cost little, small enough
    /// that a page's events stay a few megabytes.
    static let size = 2000

    private let events: [QuoteEvent]
    private var index = 0

    init(_ events: [QuoteEvent]) { self.events = events }

    /// The events of `number` (skipping any of quotes before it, which the quotes query did not
    /// return and so cannot exist).
    mutating func take(_ number: String) -> [QuoteEvent] {
        while index < events.count, events[index].quoteNumber.utf8.lexicographicallyPrecedes(number.utf8) {
            index += 1
        }
        let start = index
        while index < events.count, events[index].quoteNumber == number { index += 1 }
        return Array(events[start..<index])
    }
}
