import Foundation

/// Reads a `Retry-After` header (RFC 9110 §10.2.3): whole seconds, or an HTTP date.
public enum RetryAfter {
    /// The wait the header asks for, in seconds from `now` (never negative), or nil when it is
    /// neither form. `"120"` → 120; `"Mon, 07 Dec 2026 17:00:00 GMT"` at 16:59:00 → 60.
    public static func delay(_ header: String, now: Date) -> TimeInterval? {
        let text = header.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }) {
            return text.count > 9 ? TimeInterval(999_999_999) : TimeInterval(Int(text)!)
        }
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return max(0, date.timeIntervalSince(now)) }
        }
        return nil
    }

    /// IMF-fixdate, then the obsolete RFC 850 and asctime forms the RFC says to accept.
    private static let formats = [
        "EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM d HH:mm:ss yyyy",
    ]
}
