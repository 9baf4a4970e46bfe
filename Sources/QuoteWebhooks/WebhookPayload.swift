import Foundation
import QuoteJSON

/// The body of a delivery: `{"type","timestamp","data":{…}}`, where `data` is the quote's JSON as
/// `GET /v1/quotes/{n}` shows it to the endpoint's owner, spliced in by the project's one writer.
public enum WebhookPayload {
    /// The compact body; `quoteJSON` must be compact JSON written by this package (it is embedded
    /// as it is, see `JSONStreamWriter.embed`). `timestamp` is written as ISO 8601 UTC with
    /// milliseconds, e.g. `2026-12-07T16:51:19.250Z`.
    public static func body(type: WebhookEventType, timestamp: Date, quoteJSON: String) -> [UInt8] {
        var writer = JSONStreamWriter(pretty: false, capacity: quoteJSON.utf8.count + 96)
        writer.beginObject()
        writer.field("type", type.rawValue)
        writer.field("timestamp", isoTimestamp(timestamp))
        writer.field("data")
        writer.embed(quoteJSON)
        writer.endObject()
        return writer.bytes
    }

    /// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC.
    static func isoTimestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }
}
