import Foundation
import Hummingbird
import QuoteCore
import QuoteJSON
import QuoteMailer
import QuoteStore

/// `POST /v1/quotes/{number}/email`: puts the quote's e-mail into the outbox (sent by
/// ``OutboxSender``). Body optional: `{"to": "address"}`, else the case's customer e-mail. An
/// address the mailer could never send to (a list, control characters, over RFC 5321's limits)
/// is refused here with 422, not lost later.
struct EmailController<Repository: QuoteRepository> {
    let desk: QuoteDesk<Repository>
    var services: ServerServices { desk.services }

    func register(on v1: RouterGroup<ServiceRequestContext>) {
        v1.post("quotes/{number}/email", use: enqueue)
    }

    @Sendable func enqueue(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .email)
        let number = try context.parameters.require("number")
        var request = request
        let body = try await request.collectBody(atMost: 64 * 1024)
        let to = try Self.recipient(in: Array(body.readableBytesView))
        let message = try await desk.email(number, to: to, by: principal)
        var o = JSONObject()
        o.append("outboxId", .number(String(message.id)))
        o.append("messageId", .string(message.messageID))
        o.append("state", .string(message.state.rawValue))
        return JSONBody.response(.object(o), status: .accepted)
    }

    /// The `to` of an optional body `{"to": "address"}`: 422 for a body that is not a JSON object,
    /// an unknown field, or a `to` that is not text.
    static func recipient(in body: [UInt8]) throws -> String? {
        guard !body.isEmpty else { return nil }
        guard case .object(let object)? = try? JSONParser.parse(body) else {
            throw APIError(.unprocessableContent, "expected a JSON object such as {\"to\": \"a@b.example\"}")
        }
        if let unknown = object.keys.first(where: { $0 != "to" }) {
            throw APIError(.unprocessableContent, "unknown field (expected only to)", field: unknown)
        }
        switch object["to"] {
        case nil: return nil
        case .string(let text)?: return text
        default: throw APIError(.unprocessableContent, "expected one e-mail address as text", field: "to")
        }
    }
}
