import QuoteCore
import QuoteJSON

extension BookingFilter {
    /// Whether a range was given (without one every quote is kept and no date is looked for).
    public var hasRange: Bool { from != nil || to != nil }

    /// Whether a `{"case", "quote", "record"}` line is kept, found by scanning (not parsing) the
    /// line for the one date needed: `case.requestDate` (else `quote.issueDate`), `quote.issueDate`,
    /// or the day of `record.decision.decidedAt`. A line that cannot be scanned is kept, so that it
    /// is reported as invalid rather than silently dropped.
    public func keeps(line bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard hasRange else { return true }
        guard let top = JSONScanner.members(bytes, in: 0..<bytes.count) else { return true }
        func member(_ members: [JSONScanner.Member]?, _ key: String) -> Range<Int>? {
            members?.first { $0.key == key }?.value
        }
        func date(_ object: Range<Int>?, _ key: String) -> CivilDate? {
            guard let object, let members = JSONScanner.members(bytes, in: object, stopAfter: key),
                let value = member(members, key), let text = JSONScanner.simpleString(bytes, value)
            else { return nil }
            return CivilDate(String(text.prefix(10)))
        }
        let (quote, record) = (member(top, "quote"), member(top, "record"))
        switch basis {
        case .request: return keeps(date(member(top, "case"), "requestDate") ?? date(quote, "issueDate"))
        case .issue: return keeps(date(quote, "issueDate"))
        case .decision:
            let decision = record.flatMap { member(JSONScanner.members(bytes, in: $0), "decision") }
            return keeps(date(decision, "decidedAt"))
        }
    }
}
