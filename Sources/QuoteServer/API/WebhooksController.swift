import Foundation
import Hummingbird
import QuoteCore
import QuoteJSON
import QuoteStore

/// `/v1/webhooks`: a caller's own endpoints (issue #28). Register (201 with the secret, shown
/// once), list, read, delete, rotate the secret, enable again, the delivery log with a cursor,
/// and a redelivery. Another caller's endpoint answers 404.
struct WebhooksController<Repository: QuoteRepository> {
    let desk: QuoteDesk<Repository>

    func register(on v1: RouterGroup<ServiceRequestContext>) {
        v1.post("webhooks", use: create)
        v1.get("webhooks", use: list)
        v1.get("webhooks/{id}", use: show)
        v1.delete("webhooks/{id}", use: delete)
        v1.post("webhooks/{id}/rotate-secret", use: rotate)
        v1.post("webhooks/{id}/enable", use: enable)
        v1.get("webhooks/{id}/deliveries", use: deliveries)
        v1.post("webhooks/{id}/deliveries/{delivery}/redeliver", use: redeliver)
    }

    /// `{"url", "events": [...], "description"}` → 201 with the endpoint and its `secret`.
    @Sendable func create(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .manageWebhooks)
        let object = try await JSONRequest.object(request, allowed: ["url", "events", "description"])
        guard let url = object["url"]?.text else {
            throw APIError(.unprocessableContent, "expected a URL string", field: "url")
        }
        let events = try Self.eventNames(object["events"])
        var description: String?
        if let value = object["description"], value != .null {
            guard let text = value.text else {
                throw APIError(.unprocessableContent, "expected a string", field: "description")
            }
            description = text
        }
        let made = try await desk.registerWebhook(
            url: url, events: events, description: description, by: principal)
        return JSONBody.response(
            .object(WebhookJSON.endpoint(made.endpoint, secret: made.secret)), status: .created)
    }

    static func eventNames(_ value: JSONValue?) throws -> [String] {
        guard case .array(let items)? = value else {
            throw APIError(.unprocessableContent, "expected an array of event names", field: "events")
        }
        return try items.enumerated().map { index, item in
            guard let name = item.text else {
                throw APIError(.unprocessableContent, "expected an event name", field: "events[\(index)]")
            }
            return name
        }
    }

    @Sendable func list(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .manageWebhooks)
        let endpoints = try await desk.webhooks(by: principal)
        var body = JSONObject()
        body.append("webhooks", .array(endpoints.map { .object(WebhookJSON.endpoint($0, secret: nil)) }))
        return JSONBody.response(.object(body))
    }

    @Sendable func show(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .manageWebhooks)
        let endpoint = try await desk.webhook(try context.parameters.require("id"), by: principal)
        return JSONBody.response(.object(WebhookJSON.endpoint(endpoint, secret: nil)))
    }

    @Sendable func delete(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .manageWebhooks)
        try await desk.deleteWebhook(try context.parameters.require("id"), by: principal)
        return Response(status: .noContent)
    }

    /// 200 with the endpoint and its new `secret` (shown once); the old one is signed with for 24 h.
    @Sendable func rotate(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .manageWebhooks)
        let made = try await desk.rotateWebhookSecret(try context.parameters.require("id"), by: principal)
        return JSONBody.response(.object(WebhookJSON.endpoint(made.endpoint, secret: made.secret)))
    }

    @Sendable func enable(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .manageWebhooks)
        let endpoint = try await desk.enableWebhook(try context.parameters.require("id"), by: principal)
        return JSONBody.response(.object(WebhookJSON.endpoint(endpoint, secret: nil)))
    }

    /// `?cursor=&limit=` (1–100, default 20): newest first, `nextCursor` while there are more.
    @Sendable func deliveries(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .manageWebhooks)
        let parameters = request.uri.queryParameters
        if let unknown = parameters.first(where: { !["cursor", "limit"].contains(String($0.key)) }) {
            throw APIError(
                .unprocessableContent, "unknown parameter (known: cursor, limit)", field: String(unknown.key))
        }
        var limit = 20
        if let text = parameters.get("limit"), !text.isEmpty {
            guard let number = Int(text), (1...100).contains(number) else {
                throw APIError(.unprocessableContent, "limit must be 1 to 100", field: "limit")
            }
            limit = number
        }
        var cursor: Int64?
        if let text = parameters.get("cursor"), !text.isEmpty {
            guard let number = Int64(text), number > 0 else {
                throw APIError(.unprocessableContent, "expected a cursor from nextCursor", field: "cursor")
            }
            cursor = number
        }
        let page = try await desk.webhookDeliveries(
            try context.parameters.require("id"), before: cursor, limit: limit + 1, by: principal)
        var body = JSONObject()
        body.append("deliveries", .array(page.prefix(limit).map { .object(WebhookJSON.delivery($0)) }))
        body.append("nextCursor", page.count > limit ? .string(String(page[limit - 1].id)) : .null)
        return JSONBody.response(.object(body))
    }

    /// 202 with the new delivery, queued with the same `webhook-id`.
    @Sendable func redeliver(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .manageWebhooks)
        guard let delivery = Int64(try context.parameters.require("delivery")) else {
            throw DeskError.missing("delivery")
        }
        let queued = try await desk.redeliverWebhook(
            try context.parameters.require("id"), delivery: delivery, by: principal)
        return JSONBody.response(.object(WebhookJSON.delivery(queued)), status: .accepted)
    }
}

/// The JSON of endpoints and deliveries. The secret appears only in the answers that make one.
enum WebhookJSON {
    static func endpoint(_ e: WebhookEndpointRecord, secret: String?) -> JSONObject {
        var o = JSONObject()
        o.append("id", .string(e.id))
        o.append("url", .string(e.url))
        o.append("events", .array(e.events.map(JSONValue.string)))
        o.append("description", .string(e.description))
        o.append("enabled", .bool(e.enabled))
        o.append("disabledReason", e.disabledReason.map(JSONValue.string) ?? .null)
        o.append("createdAt", .string(RecordJSON.timestamp(e.createdAt)))
        if let secret { o.append("secret", .string(secret)) }
        return o
    }

    static func delivery(_ d: WebhookDeliveryRecord) -> JSONObject {
        var o = JSONObject()
        o.append("id", .string(String(d.id)))
        o.append("webhookId", .string(d.eventID))
        o.append("type", .string(d.eventType))
        o.append("quote", .string(d.quoteNumber))
        o.append("state", .string(d.state.rawValue))
        o.append("occurredAt", .string(RecordJSON.timestamp(d.occurredAt)))
        o.append(
            "nextAttemptAt", d.state == .pending ? .string(RecordJSON.timestamp(d.nextAttemptAt)) : .null)
        o.append("attempts", .array(d.log.map { .object(attempt($0)) }))
        return o
    }

    static func attempt(_ a: WebhookAttemptRecord) -> JSONObject {
        var o = JSONObject()
        o.append("attempt", .number(String(a.attempt)))
        o.append("at", .string(RecordJSON.timestamp(a.startedAt)))
        o.append("status", a.status.map { .number(String($0)) } ?? .null)
        o.append("durationMs", .number(String(a.durationMilliseconds)))
        o.append("error", a.error.map(JSONValue.string) ?? .null)
        return o
    }
}
