import Foundation
import Hummingbird
import QuoteJSON
import QuoteStore

/// `GET /v1/quotes/{number}/events`: a quote's history, oldest first, for whoever may read the
/// quote (``Action/readHistory``).
struct EventsController<Repository: QuoteRepository> {
    let desk: QuoteDesk<Repository>

    func register(on v1: RouterGroup<ServiceRequestContext>) {
        v1.get("quotes/{number}/events", use: list)
    }

    @Sendable func list(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .readHistory)
        let events = try await desk.history(try context.parameters.require("number"), by: principal)
        return JSONBody.response(bytes: EventJSON.list(events))
    }
}

/// The JSON of events: `{"events":[{"sequence":1,"kind":"issued","at":"…","actor":{…},"ip":null,
/// "userAgent":null,"details":{…},"previousHash":"…","hash":"…"}]}`. `details` is the stored
/// JSON as it was hashed.
enum EventJSON {
    static func list(_ events: [QuoteEvent]) -> [UInt8] {
        var w = JSONStreamWriter(pretty: false, capacity: 512 * max(events.count, 1))
        w.beginObject()
        w.key("events")
        w.beginArray()
        for event in events { write(event, into: &w) }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    static func write(_ event: QuoteEvent, into w: inout JSONStreamWriter) {
        w.beginObject()
        w.field("sequence", event.sequence)
        w.field("kind", event.kind.rawValue)
        w.field("at", timestamp(event.at))
        w.key("actor")
        w.beginObject()
        w.field("kind", event.actor.kind.rawValue)
        w.field("name", event.actor.name)
        w.field("role", event.actor.role)
        w.endObject()
        w.field("ip", event.client?.ip)
        w.field("userAgent", event.client?.userAgent)
        w.key("details")
        w.embed(event.details)
        w.field("previousHash", event.previousHash)
        w.field("hash", event.hash)
        w.endObject()
    }

    /// ISO 8601 in UTC with milliseconds, as the time is stored.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
