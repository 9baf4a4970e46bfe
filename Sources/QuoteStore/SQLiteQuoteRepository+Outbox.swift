import Foundation
import GRDB
import QuoteCore

extension SQLiteQuoteRepository {
    public func enqueueEmail(_ request: EmailRequest) async throws -> OutboxMessage {
        let token = CustomerToken.generate()
        return try await writer.write { db in
            guard try Self.fetchRecord(db, number: request.number) != nil else { throw StoreError.notFound }
            return try Self.insertOutbox(db, request, token: token)
        }
    }

    public func addCustomerToken(number: String, by actor: EventActor?) async throws -> String {
        let token = CustomerToken.generate()
        try await writer.write { db in
            guard try Self.fetchRecord(db, number: number) != nil else { throw StoreError.notFound }
            try db.execute(
                sql: "INSERT INTO customer_tokens (token_hash, quote_number) VALUES (?, ?)",
                arguments: [CustomerToken.hash(token), number])
            try Self.appendEvent(db, number, EventDrafts.linkMade(at: Date(), actor: actor))
        }
        return token
    }

    /// Queues an e-mail with a fresh customer link token (only its hash is kept as a token).
    static func insertOutbox(_ db: Database, _ request: EmailRequest, token: String) throws -> OutboxMessage {
        try db.execute(
            sql: "INSERT INTO customer_tokens (token_hash, quote_number) VALUES (?, ?)",
            arguments: [CustomerToken.hash(token), request.number])
        let now = request.now.timeIntervalSince1970
        try db.execute(
            sql: """
                INSERT INTO outbox (quote_number, recipient, language, customer_token, next_attempt_at, created_at, kind)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                request.number, request.recipient, request.language, token, now, now, request.kind.rawValue,
            ])
        guard let message = try fetchOutbox(db, id: db.lastInsertedRowID) else { throw StoreError.notFound }
        try appendEvent(
            db, request.number, EventDrafts.queued(message, at: request.now, actor: request.actor))
        return message
    }

    public func claimOutbox(limit: Int, now: Date, lease: TimeInterval) async throws -> [OutboxMessage] {
        try await writer.write { db in
            let t = now.timeIntervalSince1970
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?
                    AND (claimed_until IS NULL OR claimed_until <= ?)
                    AND quote_number NOT IN (SELECT quote_number FROM voids)
                    AND quote_number NOT IN (SELECT old_number FROM revisions)
                    ORDER BY id LIMIT ?
                    """,
                arguments: [t, t, limit])
            for id in ids {
                try db.execute(
                    sql: "UPDATE outbox SET claimed_until = ?, attempts = attempts + 1 WHERE id = ?",
                    arguments: [t + lease, id])
            }
            return try ids.compactMap { try Self.fetchOutbox(db, id: $0) }
        }
    }

    public func markSent(outboxID: Int64, at: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET state = 'sent', sent_at = ?, claimed_until = NULL, customer_token = NULL,
                        last_error = NULL WHERE id = ?
                    """,
                arguments: [at.timeIntervalSince1970, outboxID])
            try Self.recordDelivery(db, outboxID, EventDrafts.sent(at: at))
        }
    }

    public func markFailed(outboxID: Int64, error: String, retryAt: Date?) async throws {
        try await writer.write { db in
            if let retryAt {
                try db.execute(
                    sql:
                        "UPDATE outbox SET next_attempt_at = ?, claimed_until = NULL, last_error = ? WHERE id = ?",
                    arguments: [retryAt.timeIntervalSince1970, error, outboxID])
            } else {
                try db.execute(
                    sql: """
                        UPDATE outbox SET state = 'failed', claimed_until = NULL, customer_token = NULL,
                            last_error = ? WHERE id = ?
                        """,
                    arguments: [error, outboxID])
            }
            try Self.recordDelivery(db, outboxID, EventDrafts.failed(error, retryAt: retryAt))
        }
    }

    public func outboxMessage(id: Int64) async throws -> OutboxMessage? {
        try await writer.read { db in try Self.fetchOutbox(db, id: id) }
    }

    public func outbox(quoteNumber: String) async throws -> [OutboxMessage] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM outbox WHERE quote_number = ? ORDER BY id", arguments: [quoteNumber]
            ).map(Self.outboxMessage)
        }
    }

    /// The `emailed` event of an attempt on outbox message `id` (`draft` given its id and kind).
    static func recordDelivery(_ db: Database, _ id: Int64, _ draft: (OutboxMessage) -> EventDraft) throws {
        guard let message = try fetchOutbox(db, id: id) else { return }
        try appendEvent(db, message.quoteNumber, draft(message))
    }

    static func fetchOutbox(_ db: Database, id: Int64) throws -> OutboxMessage? {
        try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]).map(outboxMessage)
    }

    static func outboxMessage(_ row: Row) throws -> OutboxMessage { try OutboxMessage(row: row) }
}
