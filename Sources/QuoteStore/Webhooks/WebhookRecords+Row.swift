import Foundation

extension WebhookEndpointRecord {
    /// An endpoint from a `webhook_endpoints` row (both stores).
    init(row: some ColumnReader) throws {
        self.init(
            id: try row.string("id"), owner: try row.string("owner"),
            scopeIssuer: try row.optionalString("scope_issuer"), url: try row.string("url"),
            events: WebhookSchema.events(column: try row.string("events")),
            description: try row.string("description"), secret: try row.string("secret"),
            createdAt: try row.date("created_at"))
        previousSecret = try row.optionalString("previous_secret")
        previousValidUntil = try row.optionalDate("previous_valid_until")
        enabled = try row.integer("enabled") != 0
        disabledReason = try row.optionalString("disabled_reason")
        failingSince = try row.optionalDate("failing_since")
    }
}

extension WebhookDeliveryRecord {
    /// A delivery from a `webhook_deliveries` row (both stores).
    init(row: some ColumnReader) throws {
        id = try row.integer("id")
        eventID = try row.string("event_id")
        endpointID = try row.string("endpoint_id")
        quoteNumber = try row.string("quote_number")
        eventType = try row.string("event_type")
        occurredAt = try row.date("occurred_at")
        body = try row.optionalString("body")
        let stateText = try row.string("state")
        guard let state = WebhookDeliveryState(rawValue: stateText) else {
            throw StoredRowError(quote: quoteNumber, column: "webhook_deliveries.state", value: stateText)
        }
        self.state = state
        attempts = Int(try row.integer("attempts"))
        nextAttemptAt = try row.date("next_attempt_at")
        lastStatus = try row.optionalInteger("last_status").map { Int($0) }
        lastError = try row.optionalString("last_error")
        createdAt = try row.date("created_at")
    }
}

extension WebhookAttemptRecord {
    /// An attempt from a `webhook_attempts` row (both stores).
    init(row: some ColumnReader) throws {
        self.init(
            attempt: Int(try row.integer("attempt")), startedAt: try row.date("started_at"),
            status: try row.optionalInteger("status").map { Int($0) },
            durationMilliseconds: try row.integer("duration_ms"), error: try row.optionalString("error"))
    }
}

/// What the two stores share of the webhook SQL: the columns they read, and the state changes
/// an attempt's verdict makes (written once, bound by each store in its own dialect).
enum WebhookSQL {
    static let endpointColumns = """
        id, owner, scope_issuer, url, events, description, secret, previous_secret, previous_valid_until,
        enabled, disabled_reason, failing_since, created_at
        """
    static let deliveryColumns = """
        id, event_id, endpoint_id, quote_number, event_type, occurred_at, body, state, attempts, next_attempt_at,
        last_status, last_error, created_at
        """
    /// The condition of a delivery that may be claimed (`d`, its endpoint `w`, a time bound twice):
    /// due, not under another claim, on an enabled endpoint, and the earliest pending one of its
    /// endpoint and quote (``QuoteWebhooks/DeliveryOrdering``).
    static let claimable = """
        d.state = 'pending' AND w.enabled = 1 AND w.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.endpoint_id = d.endpoint_id
            AND e.quote_number = d.quote_number AND e.state = 'pending' AND e.id < d.id)
        """
    /// The endpoints that get an event of quote `q`: live, enabled, subscribed (the events column
    /// holds ` type ` for each: SQLite looks for ``subscriberNeedle(_:)`` with `instr`, PostgreSQL
    /// matches ``subscriberPattern(_:)`` with `LIKE`) and within their scope.
    static let subscribersOfQuote = """
        w.deleted_at IS NULL AND w.enabled = 1 AND (w.scope_issuer IS NULL OR w.scope_issuer = q.issuer)
        """

    /// Quotes that may still expire: undecided, not void, not replaced, not recorded expired.
    static let open = """
        number NOT IN (SELECT quote_number FROM decisions) AND number NOT IN (SELECT quote_number FROM voids)
        AND number NOT IN (SELECT old_number FROM revisions) AND number NOT IN (SELECT quote_number FROM quote_expiries)
        """

    static func subscriberPattern(_ type: String) -> String { "% " + type + " %" }

    /// What an endpoint's events column contains when it is subscribed to `type`. SQLite compares
    /// it with `instr`, not `LIKE ?`: a statement with a bound `LIKE` pattern is compiled again on
    /// every run (the pattern might allow the LIKE index optimisation), which cost each issue
    /// about a fifth of its server time.
    static func subscriberNeedle(_ type: String) -> String { " " + type + " " }

    /// The delivery's new state, next attempt and end time after `verdict`.
    static func deliveryChange(_ verdict: WebhookAttemptVerdict, at: Double)
        -> (state: String, next: Double?, finished: Double?)
    {
        switch verdict {
        case .succeeded: ("succeeded", nil, at)
        case .retry(let next): ("pending", next.timeIntervalSince1970, nil)
        case .failed, .disableEndpoint: ("failed", nil, at)
        }
    }

    /// The disabling reason of `verdict`, if it disables.
    static func disabling(_ verdict: WebhookAttemptVerdict) -> String? {
        if case .disableEndpoint(let reason) = verdict { return reason }
        return nil
    }
}
