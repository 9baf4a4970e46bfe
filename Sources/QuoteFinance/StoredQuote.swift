import QuoteCore
import QuoteJSON

/// The few fields of a stored quote the checker needs before recomputing, read without parsing the
/// whole quote: its number, price-list version and issue date, and its bytes.
struct StoredQuote {
    /// The quote's bytes in the line.
    let range: Range<Int>
    let number: String?
    let priceListVersion: String?
    let issueDate: CivilDate?
    /// The bytes after the number's value when the quote starts with `{"number":` (the compact form
    /// `QuoteEncoder` writes), for a byte-for-byte comparison.
    let afterNumber: Range<Int>?

    init?(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        // issueDate comes before the long coverage and lines in QuoteEncoder's order; a quote in
        // another order is scanned to its end.
        guard let members = JSONScanner.members(line, in: range, stopAfter: "issueDate") else { return nil }
        self.range = range
        func text(_ key: String) -> String? {
            members.first { $0.key == key }.flatMap { JSONScanner.simpleString(line, $0.value) }
        }
        number = text("number")
        priceListVersion = text("priceListVersion")
        issueDate = text("issueDate").flatMap(CivilDate.init)
        let opening = #"{"number":"#.utf8
        if let first = members.first, first.key == "number",
            first.value.lowerBound - range.lowerBound == opening.count,
            UnsafeBufferPointer(rebasing: line[range]).starts(with: opening)
        {
            afterNumber = first.value.upperBound..<range.upperBound
        } else {
            afterNumber = nil
        }
    }
}
