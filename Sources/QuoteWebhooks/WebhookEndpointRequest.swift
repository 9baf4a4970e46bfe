import QuoteCore

/// A registration's input (`POST /v1/webhooks`), checked field by field: `url` by the SSRF
/// policy, `events` (at least one, known names, no repeats), `description` (at most 255
/// characters, no control characters).
public struct WebhookEndpointRequest: Sendable, Equatable {
    public var url: CheckedEndpoint
    public var events: [WebhookEventType]
    public var description: String

    /// The longest description accepted, in characters.
    public static let maxDescriptionLength = 255

    /// Checks the three fields in order; the first bad one throws a `ValidationError` naming it.
    public static func validated(
        url: String, events: [String], description: String?, policy: EndpointURLPolicy
    ) async throws(ValidationError) -> WebhookEndpointRequest {
        let types = try validatedEvents(events)
        let text = description ?? ""
        guard text.count <= maxDescriptionLength else {
            throw ValidationError(field: "description", "is longer than \(maxDescriptionLength) characters")
        }
        guard TextSafety.isClean(text) else {
            throw ValidationError(field: "description", "must not contain control characters")
        }
        let checked = try await policy.checked(url: url)
        return WebhookEndpointRequest(url: checked, events: types, description: text)
    }

    static func validatedEvents(_ names: [String]) throws(ValidationError) -> [WebhookEventType] {
        guard !names.isEmpty else { throw ValidationError(field: "events", "must name at least one event") }
        var types: [WebhookEventType] = []
        for (index, name) in names.enumerated() {
            let type = try WebhookEventType(name: name, field: "events[\(index)]")
            guard !types.contains(type) else {
                throw ValidationError(field: "events[\(index)]", "repeats \(name)")
            }
            types.append(type)
        }
        return types
    }
}
