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

    /// The event's own members from the one writer (``QuoteEvent/writeMembers(into:layout:)``),
    /// then the two hashes that link it.
    static func write(_ event: QuoteEvent, into w: inout JSONStreamWriter) {
        w.beginObject()
        event.writeMembers(into: &w, layout: .api)
        w.field("previousHash", event.previousHash)
        w.field("hash", event.hash)
        w.endObject()
    }
}
