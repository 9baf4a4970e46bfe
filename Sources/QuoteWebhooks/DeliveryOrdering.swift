import Foundation

/// One delivery as a queue holds it, with what the ordering rule needs.
public struct QueuedDelivery: Sendable, Equatable {
    public enum State: String, Sendable { case pending, succeeded, failed }

    public var id: String
    public var endpointID: String
    public var quoteNumber: String
    /// The order the events happened in (the outbox row's id).
    public var sequence: Int64
    public var state: State
    public var nextAttemptAt: Date

    public init(
        id: String, endpointID: String, quoteNumber: String, sequence: Int64, state: State,
        nextAttemptAt: Date
    ) {
        self.id = id
        self.endpointID = endpointID
        self.quoteNumber = quoteNumber
        self.sequence = sequence
        self.state = state
        self.nextAttemptAt = nextAttemptAt
    }
}

/// Events of one quote reach one endpoint in order: a later delivery waits until every earlier
/// one for the same endpoint and quote has succeeded or failed for good.
public enum DeliveryOrdering {
    /// The deliveries to attempt at `now`, by sequence: for each endpoint and quote, the earliest
    /// pending delivery, when its time has come. A later pending delivery of the same pair is
    /// never returned, even when its own time has come.
    public static func deliverable(_ deliveries: [QueuedDelivery], now: Date) -> [QueuedDelivery] {
        var heads: [String: QueuedDelivery] = [:]
        for delivery in deliveries where delivery.state == .pending {
            let key = delivery.endpointID + "\u{0}" + delivery.quoteNumber
            if let head = heads[key], head.sequence < delivery.sequence { continue }
            heads[key] = delivery
        }
        return heads.values.filter { $0.nextAttemptAt <= now }.sorted { $0.sequence < $1.sequence }
    }
}
