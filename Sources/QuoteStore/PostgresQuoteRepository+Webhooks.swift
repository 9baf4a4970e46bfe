import Foundation
import Logging
import PostgresNIO
import QuoteCore
import QuoteWebhooks

extension PostgresQuoteRepository {
    /// The owner's endpoints are counted under an advisory lock of the owner, so two registrations
    /// at once on two instances cannot both pass the limit.
    public func createWebhookEndpoint(_ endpoint: WebhookEndpointRecord, limit: Int) async throws {
        try await transaction { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(\("webhooks:" + endpoint.owner), 0))",
                logger: self.logger)
            let rows = try await Self.rows(
                connection,
                "SELECT count(*) AS n FROM webhook_endpoints WHERE owner = \(endpoint.owner) AND deleted_at IS NULL",
                logger: self.logger)
            let count = try rows.first?["n"].decode(Int64.self) ?? 0
            guard count < limit else { throw WebhookStoreError.tooManyEndpoints(limit: limit) }
            try await connection.query(
                """
                INSERT INTO webhook_endpoints (id, owner, scope_issuer, url, events, description, secret, enabled,
                    created_at)
                VALUES (\(endpoint.id), \(endpoint.owner), \(endpoint.scopeIssuer), \(endpoint.url),
                    \(WebhookSchema.eventsColumn(endpoint.events)), \(endpoint.description), \(endpoint.secret), 1,
                    \(endpoint.createdAt.timeIntervalSince1970))
                """, logger: self.logger)
        }
    }

    public func webhookEndpoints(owner: String) async throws -> [WebhookEndpointRecord] {
        try await withConnection { connection in
            try await Self.rows(
                connection,
                """
                SELECT \(unescaped: WebhookSQL.endpointColumns) FROM webhook_endpoints
                WHERE owner = \(owner) AND deleted_at IS NULL ORDER BY created_at, id
                """, logger: self.logger
            ).map(WebhookEndpointRecord.init(row:))
        }
    }

    public func webhookEndpoint(id: String, owner: String?) async throws -> WebhookEndpointRecord? {
        try await withConnection { connection in
            try await Self.fetchEndpoint(connection, id: id, owner: owner, logger: self.logger)
        }
    }

    static func fetchEndpoint(_ connection: PostgresConnection, id: String, owner: String?, logger: Logger)
        async throws -> WebhookEndpointRecord?
    {
        try await rows(
            connection,
            """
            SELECT \(unescaped: WebhookSQL.endpointColumns) FROM webhook_endpoints
            WHERE id = \(id) AND (\(owner)::text IS NULL OR owner = \(owner)) AND deleted_at IS NULL
            """, logger: logger
        ).first.map(WebhookEndpointRecord.init(row:))
    }

    public func deleteWebhookEndpoint(id: String, owner: String, at: Date) async throws -> Bool {
        try await transaction { connection in
            let deleted = try await Self.rows(
                connection,
                """
                UPDATE webhook_endpoints SET deleted_at = \(at.timeIntervalSince1970)
                WHERE id = \(id) AND owner = \(owner) AND deleted_at IS NULL RETURNING id
                """, logger: self.logger)
            guard !deleted.isEmpty else { return false }
            try await connection.query(
                "UPDATE webhook_deliveries SET state = 'cancelled' WHERE endpoint_id = \(id) AND state = 'pending'",
                logger: self.logger)
            return true
        }
    }

    public func rotateWebhookSecret(
        id: String, owner: String, to secret: String, at: Date, overlap: TimeInterval
    )
        async throws -> WebhookEndpointRecord?
    {
        let until = at.addingTimeInterval(overlap).timeIntervalSince1970
        return try await transaction { connection in
            try await connection.query(
                """
                UPDATE webhook_endpoints SET previous_secret = secret, previous_valid_until = \(until),
                    secret = \(secret)
                WHERE id = \(id) AND owner = \(owner) AND deleted_at IS NULL
                """, logger: self.logger)
            return try await Self.fetchEndpoint(connection, id: id, owner: owner, logger: self.logger)
        }
    }

    public func enableWebhookEndpoint(id: String, owner: String) async throws -> WebhookEndpointRecord? {
        try await transaction { connection in
            try await connection.query(
                """
                UPDATE webhook_endpoints SET enabled = 1, disabled_reason = NULL, failing_since = NULL
                WHERE id = \(id) AND owner = \(owner) AND deleted_at IS NULL
                """, logger: self.logger)
            return try await Self.fetchEndpoint(connection, id: id, owner: owner, logger: self.logger)
        }
    }

    public func webhookDeliveries(endpointID: String, before cursor: Int64?, limit: Int) async throws
        -> [WebhookDeliveryRecord]
    {
        try await withConnection { connection in
            let rows = try await Self.rows(
                connection,
                """
                SELECT \(unescaped: WebhookSQL.deliveryColumns) FROM webhook_deliveries
                WHERE endpoint_id = \(endpointID) AND (\(cursor)::bigint IS NULL OR id < \(cursor))
                ORDER BY id DESC LIMIT \(limit)
                """, logger: self.logger)
            return try await Self.withLogs(
                connection, try rows.map(WebhookDeliveryRecord.init(row:)), logger: self.logger)
        }
    }

    public func webhookDeliveries(quoteNumber: String, owners: [String]) async throws
        -> [WebhookDeliveryRecord]
    {
        guard !owners.isEmpty else { return [] }
        return try await withConnection { connection in
            let rows = try await Self.rows(
                connection,
                """
                SELECT \(unescaped: WebhookSQL.deliveryColumns) FROM webhook_deliveries WHERE quote_number = \(quoteNumber)
                AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE owner = ANY(\(owners)::text[])) ORDER BY id
                """, logger: self.logger)
            return try await Self.withLogs(
                connection, try rows.map(WebhookDeliveryRecord.init(row:)), logger: self.logger)
        }
    }

    /// The deliveries with their attempts, oldest attempt first.
    static func withLogs(
        _ connection: PostgresConnection, _ deliveries: [WebhookDeliveryRecord], logger: Logger
    )
        async throws -> [WebhookDeliveryRecord]
    {
        var result: [WebhookDeliveryRecord] = []
        for var delivery in deliveries {
            delivery.log = try await rows(
                connection,
                "SELECT * FROM webhook_attempts WHERE delivery_id = \(delivery.id) ORDER BY attempt",
                logger: logger
            ).map(WebhookAttemptRecord.init(row:))
            result.append(delivery)
        }
        return result
    }

    public func redeliverWebhook(endpointID: String, deliveryID: Int64, at: Date) async throws
        -> WebhookDeliveryRecord?
    {
        let t = at.timeIntervalSince1970
        return try await withConnection { connection in
            try await Self.rows(
                connection,
                """
                INSERT INTO webhook_deliveries (event_id, endpoint_id, quote_number, event_type, occurred_at, body,
                    next_attempt_at, created_at)
                SELECT event_id, endpoint_id, quote_number, event_type, occurred_at, body, \(t), \(t)
                FROM webhook_deliveries WHERE id = \(deliveryID) AND endpoint_id = \(endpointID)
                RETURNING \(unescaped: WebhookSQL.deliveryColumns)
                """, logger: self.logger
            ).first.map(WebhookDeliveryRecord.init(row:))
        }
    }

    public func enqueueWebhookEvent(number: String, type: WebhookEventType, at: Date) async throws -> Int {
        try await transaction { connection in
            try await WebhookOutbox.enqueue(
                connection, numbers: [number], type: type, at: at, logger: self.logger)
        }
    }

    /// Claims with `FOR UPDATE SKIP LOCKED`: instances claiming at the same moment take different
    /// rows, and none waits for another.
    public func claimWebhookDeliveries(limit: Int, now: Date, lease: TimeInterval) async throws
        -> [ClaimedWebhookDelivery]
    {
        let t = now.timeIntervalSince1970
        return try await transaction { connection in
            let rows = try await Self.rows(
                connection,
                """
                UPDATE webhook_deliveries SET claimed_until = \(t + lease), attempts = attempts + 1
                WHERE id IN (
                    SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id
                    WHERE \(unescaped: WebhookSQL.claimable) AND d.next_attempt_at <= \(t)
                    AND (d.claimed_until IS NULL OR d.claimed_until <= \(t))
                    ORDER BY d.id LIMIT \(limit) FOR UPDATE OF d SKIP LOCKED)
                RETURNING \(unescaped: WebhookSQL.deliveryColumns)
                """, logger: self.logger)
            var claimed: [ClaimedWebhookDelivery] = []
            for delivery in try rows.map(WebhookDeliveryRecord.init(row:)).sorted(by: { $0.id < $1.id }) {
                guard
                    let endpoint = try await Self.fetchEndpoint(
                        connection, id: delivery.endpointID, owner: nil, logger: self.logger)
                else { continue }
                claimed.append(ClaimedWebhookDelivery(delivery: delivery, endpoint: endpoint))
            }
            return claimed
        }
    }

    public func fixWebhookBodies(_ bodies: [Int64: String]) async throws -> [Int64: String] {
        try await transaction { connection in
            var fixed: [Int64: String] = [:]
            for (id, body) in bodies {
                let rows = try await Self.rows(
                    connection,
                    "UPDATE webhook_deliveries SET body = COALESCE(body, \(body)) WHERE id = \(id) RETURNING body",
                    logger: self.logger)
                fixed[id] = try rows.first?["body"].decode(String.self) ?? body
            }
            return fixed
        }
    }

    /// One transaction for a whole batch of attempts.
    public func recordWebhookAttempts(_ reports: [WebhookAttemptReport]) async throws {
        try await transaction { connection in
            for report in reports { try await Self.record(connection, report, logger: self.logger) }
        }
    }

    static func record(_ connection: PostgresConnection, _ report: WebhookAttemptReport, logger: Logger)
        async throws
    {
        let attempt = report.attempt
        let at = attempt.startedAt.timeIntervalSince1970
        let change = WebhookSQL.deliveryChange(report.verdict, at: at)
        let disabling = WebhookSQL.disabling(report.verdict)
        let succeeded = report.verdict == .succeeded
        try await connection.query(
            """
            INSERT INTO webhook_attempts (delivery_id, attempt, started_at, status, duration_ms, error)
            VALUES (\(report.deliveryID), \(attempt.attempt), \(at), \(attempt.status),
                \(attempt.durationMilliseconds), \(attempt.error))
            ON CONFLICT (delivery_id, attempt) DO NOTHING
            """, logger: logger)
        try await connection.query(
            """
            UPDATE webhook_deliveries SET state = \(change.state),
                next_attempt_at = COALESCE(\(change.next)::float8, next_attempt_at),
                finished_at = \(change.finished)::float8, claimed_until = NULL,
                last_status = \(attempt.status)::int, last_error = \(attempt.error)::text
            WHERE id = \(report.deliveryID)
            """, logger: logger)
        try await connection.query(
            """
            UPDATE webhook_endpoints SET
                failing_since = CASE WHEN \(succeeded) THEN NULL ELSE COALESCE(failing_since, \(at)) END,
                enabled = CASE WHEN \(disabling)::text IS NULL THEN enabled ELSE 0 END,
                disabled_reason = COALESCE(\(disabling)::text, disabled_reason)
            WHERE id = (SELECT endpoint_id FROM webhook_deliveries WHERE id = \(report.deliveryID))
            """, logger: logger)
    }
}

extension PostgresQuoteRepository {
    public func expiryCandidates(validUntilBefore day: CivilDate, after cursor: Int64, limit: Int)
        async throws
        -> [SweepCandidate]
    {
        try await withConnection { connection in
            try await Self.rows(
                connection,
                """
                SELECT id, number, market, valid_until, NULL::text AS case_json FROM quotes
                WHERE valid_until < \(day.description) AND id > \(cursor) AND \(unescaped: WebhookSQL.open)
                ORDER BY id LIMIT \(limit)
                """, logger: self.logger
            ).map { try SweepCandidate(row: $0) }
        }
    }

    /// Under the quote's advisory lock, as decisions, revisions and voids: an expiry recorded by
    /// one instance is seen by the others, and by a decision that comes after it.
    public func recordExpiry(number: String, at: Date) async throws -> Bool {
        try await transaction { connection in
            try await Self.lockQuote(connection, number, logger: self.logger)
            let rows = try await Self.rows(
                connection,
                """
                INSERT INTO quote_expiries (quote_number, expired_at)
                SELECT number, \(at.timeIntervalSince1970) FROM quotes
                WHERE number = \(number) AND \(unescaped: WebhookSQL.open)
                RETURNING quote_number
                """, logger: self.logger)
            guard !rows.isEmpty else { return false }
            try await Self.appendEvent(connection, number, EventDrafts.expired(at: at), logger: self.logger)
            try await WebhookOutbox.enqueue(
                connection, numbers: [number], type: .expired, at: at, logger: self.logger)
            return true
        }
    }
}
