import Foundation
import GRDB
import QuoteCore
import QuoteWebhooks

extension SQLiteQuoteRepository {
    public func createWebhookEndpoint(_ endpoint: WebhookEndpointRecord, limit: Int) async throws {
        try await writer.write { db in
            let count =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM webhook_endpoints WHERE owner = ? AND deleted_at IS NULL",
                    arguments: [endpoint.owner]) ?? 0
            guard count < limit else { throw WebhookStoreError.tooManyEndpoints(limit: limit) }
            try db.execute(
                sql: """
                    INSERT INTO webhook_endpoints (id, owner, scope_issuer, url, events, description, secret,
                        enabled, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
                    """,
                arguments: [
                    endpoint.id, endpoint.owner, endpoint.scopeIssuer, endpoint.url,
                    WebhookSchema.eventsColumn(endpoint.events), endpoint.description, endpoint.secret,
                    endpoint.createdAt.timeIntervalSince1970,
                ])
        }
    }

    public func webhookEndpoints(owner: String) async throws -> [WebhookEndpointRecord] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(WebhookSQL.endpointColumns) FROM webhook_endpoints
                    WHERE owner = ? AND deleted_at IS NULL ORDER BY created_at, id
                    """, arguments: [owner]
            ).map(WebhookEndpointRecord.init(row:))
        }
    }

    public func webhookEndpoint(id: String, owner: String?) async throws -> WebhookEndpointRecord? {
        try await writer.read { db in try Self.fetchEndpoint(db, id: id, owner: owner) }
    }

    static func fetchEndpoint(_ db: Database, id: String, owner: String?) throws -> WebhookEndpointRecord? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT \(WebhookSQL.endpointColumns) FROM webhook_endpoints
                WHERE id = ? AND (? IS NULL OR owner = ?) AND deleted_at IS NULL
                """, arguments: [id, owner, owner]
        ).map(WebhookEndpointRecord.init(row:))
    }

    public func deleteWebhookEndpoint(id: String, owner: String, at: Date) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql:
                    "UPDATE webhook_endpoints SET deleted_at = ? WHERE id = ? AND owner = ? AND deleted_at IS NULL",
                arguments: [at.timeIntervalSince1970, id, owner])
            guard db.changesCount == 1 else { return false }
            try db.execute(
                sql:
                    "UPDATE webhook_deliveries SET state = 'cancelled' WHERE endpoint_id = ? AND state = 'pending'",
                arguments: [id])
            return true
        }
    }

    public func rotateWebhookSecret(
        id: String, owner: String, to secret: String, at: Date, overlap: TimeInterval
    )
        async throws -> WebhookEndpointRecord?
    {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE webhook_endpoints SET previous_secret = secret, previous_valid_until = ?, secret = ?
                    WHERE id = ? AND owner = ? AND deleted_at IS NULL
                    """,
                arguments: [at.addingTimeInterval(overlap).timeIntervalSince1970, secret, id, owner])
            return try Self.fetchEndpoint(db, id: id, owner: owner)
        }
    }

    public func enableWebhookEndpoint(id: String, owner: String) async throws -> WebhookEndpointRecord? {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE webhook_endpoints SET enabled = 1, disabled_reason = NULL, failing_since = NULL
                    WHERE id = ? AND owner = ? AND deleted_at IS NULL
                    """, arguments: [id, owner])
            return try Self.fetchEndpoint(db, id: id, owner: owner)
        }
    }

    public func webhookDeliveries(endpointID: String, before cursor: Int64?, limit: Int) async throws
        -> [WebhookDeliveryRecord]
    {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(WebhookSQL.deliveryColumns) FROM webhook_deliveries
                    WHERE endpoint_id = ? AND (? IS NULL OR id < ?) ORDER BY id DESC LIMIT ?
                    """, arguments: [endpointID, cursor, cursor, limit])
            return try Self.withLogs(db, rows.map(WebhookDeliveryRecord.init(row:)))
        }
    }

    public func webhookDeliveries(quoteNumber: String, owners: [String]) async throws
        -> [WebhookDeliveryRecord]
    {
        guard !owners.isEmpty else { return [] }
        return try await writer.read { db in
            let marks = Array(repeating: "?", count: owners.count).joined(separator: ", ")
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(WebhookSQL.deliveryColumns) FROM webhook_deliveries WHERE quote_number = ?
                    AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE owner IN (\(marks))) ORDER BY id
                    """, arguments: StatementArguments([quoteNumber] + owners))
            return try Self.withLogs(db, rows.map(WebhookDeliveryRecord.init(row:)))
        }
    }

    /// The deliveries with their attempts, oldest attempt first.
    static func withLogs(_ db: Database, _ deliveries: [WebhookDeliveryRecord]) throws
        -> [WebhookDeliveryRecord]
    {
        try deliveries.map { delivery in
            var delivery = delivery
            delivery.log = try Row.fetchAll(
                db, sql: "SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt",
                arguments: [delivery.id]
            ).map(WebhookAttemptRecord.init(row:))
            return delivery
        }
    }

    public func redeliverWebhook(endpointID: String, deliveryID: Int64, at: Date) async throws
        -> WebhookDeliveryRecord?
    {
        try await writer.write { db in
            let t = at.timeIntervalSince1970
            try db.execute(
                sql: """
                    INSERT INTO webhook_deliveries (event_id, endpoint_id, quote_number, event_type, occurred_at,
                        body, next_attempt_at, created_at)
                    SELECT event_id, endpoint_id, quote_number, event_type, occurred_at, body, ?, ?
                    FROM webhook_deliveries WHERE id = ? AND endpoint_id = ?
                    """, arguments: [t, t, deliveryID, endpointID])
            guard db.changesCount == 1 else { return nil }
            return try Self.fetchDelivery(db, id: db.lastInsertedRowID)
        }
    }

    static func fetchDelivery(_ db: Database, id: Int64) throws -> WebhookDeliveryRecord? {
        try Row.fetchOne(
            db, sql: "SELECT \(WebhookSQL.deliveryColumns) FROM webhook_deliveries WHERE id = ?",
            arguments: [id]
        ).map(WebhookDeliveryRecord.init(row:))
    }

    public func enqueueWebhookEvent(number: String, type: WebhookEventType, at: Date) async throws -> Int {
        try await writer.write { db in try WebhookOutbox.enqueue(db, number: number, type: type, at: at) }
    }

    public func claimWebhookDeliveries(limit: Int, now: Date, lease: TimeInterval) async throws
        -> [ClaimedWebhookDelivery]
    {
        try await writer.write { db in
            let t = now.timeIntervalSince1970
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id
                    WHERE \(WebhookSQL.claimable) AND d.next_attempt_at <= ?
                    AND (d.claimed_until IS NULL OR d.claimed_until <= ?)
                    ORDER BY d.id LIMIT ?
                    """, arguments: [t, t, limit])
            return try ids.compactMap { id -> ClaimedWebhookDelivery? in
                try db.execute(
                    sql:
                        "UPDATE webhook_deliveries SET claimed_until = ?, attempts = attempts + 1 WHERE id = ?",
                    arguments: [t + lease, id])
                guard let delivery = try Self.fetchDelivery(db, id: id),
                    let endpoint = try Self.fetchEndpoint(db, id: delivery.endpointID, owner: nil)
                else { return nil }
                return ClaimedWebhookDelivery(delivery: delivery, endpoint: endpoint)
            }
        }
    }

    public func fixWebhookBodies(_ bodies: [Int64: String]) async throws -> [Int64: String] {
        try await writer.write { db in
            try bodies.reduce(into: [:]) { fixed, entry in
                try db.execute(
                    sql: "UPDATE webhook_deliveries SET body = COALESCE(body, ?) WHERE id = ?",
                    arguments: [entry.value, entry.key])
                fixed[entry.key] =
                    try String.fetchOne(
                        db, sql: "SELECT body FROM webhook_deliveries WHERE id = ?", arguments: [entry.key])
                    ?? entry.value
            }
        }
    }

    /// One transaction (one sync of the WAL) for a whole batch of attempts.
    public func recordWebhookAttempts(_ reports: [WebhookAttemptReport]) async throws {
        try await writer.write { db in
            for report in reports { try Self.record(db, report) }
        }
    }

    static func record(_ db: Database, _ report: WebhookAttemptReport) throws {
        let attempt = report.attempt
        let at = attempt.startedAt.timeIntervalSince1970
        let change = WebhookSQL.deliveryChange(report.verdict, at: at)
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO webhook_attempts (delivery_id, attempt, started_at, status, duration_ms, error)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                report.deliveryID, attempt.attempt, at, attempt.status, attempt.durationMilliseconds,
                attempt.error,
            ])
        try db.execute(
            sql: """
                UPDATE webhook_deliveries SET state = ?, next_attempt_at = COALESCE(?, next_attempt_at),
                    finished_at = ?, claimed_until = NULL, last_status = ?, last_error = ? WHERE id = ?
                """,
            arguments: [
                change.state, change.next, change.finished, attempt.status, attempt.error, report.deliveryID,
            ])
        let endpoint = "(SELECT endpoint_id FROM webhook_deliveries WHERE id = ?)"
        if report.verdict == .succeeded {
            try db.execute(
                sql: "UPDATE webhook_endpoints SET failing_since = NULL WHERE id = \(endpoint)",
                arguments: [report.deliveryID])
        } else {
            try db.execute(
                sql: """
                    UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, ?),
                        enabled = CASE WHEN ? IS NULL THEN enabled ELSE 0 END,
                        disabled_reason = COALESCE(?, disabled_reason)
                    WHERE id = \(endpoint)
                    """,
                arguments: [
                    at, WebhookSQL.disabling(report.verdict), WebhookSQL.disabling(report.verdict),
                    report.deliveryID,
                ])
        }
    }
}

extension SQLiteQuoteRepository {
    public func expiryCandidates(validUntilBefore day: CivilDate, after cursor: Int64, limit: Int)
        async throws
        -> [SweepCandidate]
    {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, number, market, valid_until, NULL AS case_json FROM quotes
                    WHERE valid_until < ? AND id > ? AND \(WebhookSQL.open) ORDER BY id LIMIT ?
                    """,
                arguments: [day.description, cursor, limit]
            ).map { try SweepCandidate(row: $0) }
        }
    }

    public func recordExpiry(number: String, at: Date) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO quote_expiries (quote_number, expired_at)
                    SELECT number, ? FROM quotes WHERE number = ? AND \(WebhookSQL.open)
                    """, arguments: [at.timeIntervalSince1970, number])
            guard db.changesCount == 1 else { return false }
            try Self.appendEvent(db, number, EventDrafts.expired(at: at))
            try WebhookOutbox.enqueue(db, number: number, type: .expired, at: at)
            return true
        }
    }
}
