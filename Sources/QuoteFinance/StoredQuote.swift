import QuoteCore

/// The few fields of a stored quote the checker needs before recomputing, read without parsing the
/// whole quote: its number, price-list version and issue date, and its bytes.
struct StoredQuote {
    let bytes: [UInt8]
    let number: String?
    let priceListVersion: String?
    let issueDate: CivilDate?
    /// The bytes after the number's value when the quote starts with `{"number":` (the compact form
    /// `QuoteEncoder` writes), for a byte-for-byte comparison.
    let bytesAfterNumber: ArraySlice<UInt8>?

    init?(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard let members = JSONScanner.members(line, in: range) else { return nil }
        bytes = Array(line[range])
        func text(_ key: String) -> String? {
            members.first { $0.key == key }.flatMap { JSONScanner.simpleString(line, $0.value) }
        }
        number = text("number")
        priceListVersion = text("priceListVersion")
        issueDate = text("issueDate").flatMap(CivilDate.init)
        let opening = #"{"number":"#.utf8
        if let first = members.first, first.key == "number", bytes.starts(with: opening),
            first.value.lowerBound - range.lowerBound == opening.count
        {
            bytesAfterNumber = bytes[(first.value.upperBound - range.lowerBound)...]
        } else {
            bytesAfterNumber = nil
        }
    }
}
