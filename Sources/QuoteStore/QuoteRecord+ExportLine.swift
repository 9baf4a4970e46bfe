import Foundation
import QuoteCore
import QuoteJSON

extension QuoteRecord {
    /// The export line of a stored quote, `{"case": …, "quote": …, "record": …}` and a newline: the
    /// record carries what the store knows beside the quote, `{"state", "issuer", "decision":
    /// {"decision", "decidedAt", "channel", "charges"}}`, the state as of `today`. `decidedAt` is
    /// the local time in `zone` (the market's) with its offset, `2026-12-03T10:15:00+01:00`; the
    /// channel is left out when the decision has none. The same for either store.
    public func exportLine(today: CivilDate, zone: TimeZone? = nil) -> String {
        var w = JSONStreamWriter(pretty: false, capacity: caseJSON.utf8.count + quoteJSON.utf8.count + 512)
        w.beginObject()
        w.field("case")
        w.embed(caseJSON)
        w.field("quote")
        w.embed(quoteJSON)
        w.field("record")
        w.beginObject()
        w.field("state", state(today: today).rawValue)
        w.field("issuer", issuer)
        if let decision {
            w.field("decision")
            w.beginObject()
            w.field("decision", decision.decision.rawValue)
            w.field("decidedAt", Self.localTime(decision.decidedAt, in: zone ?? Self.utc))
            if let channel = decision.channel { w.field("channel", channel) }
            w.field("charges")
            w.embed(decision.finalJSON)
            w.endObject()
        }
        w.endObject()
        w.endObject()
        return w.text + "\n"
    }
}

extension QuoteRecord {
    static let utc = TimeZone(identifier: "UTC")!

    /// `date` as the wall-clock time in `zone` with the zone's offset then:
    /// 2026-12-03 09:15:00 UTC in Europe/Amsterdam → `2026-12-03T10:15:00+01:00` (`+00:00` for UTC).
    /// Whole seconds, computed by day arithmetic (no formatter per quote).
    public static func localTime(_ date: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let day = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let second = local - day * 86400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let clock = "T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))"
        let minutes = abs(offset) / 60
        let zoneText = "\(offset < 0 ? "-" : "+")\(two(minutes / 60)):\(two(minutes % 60))"
        return "\(CivilDate(dayNumber: day))\(clock)\(zoneText)"
    }
}
