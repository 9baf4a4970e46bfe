import Foundation
import Testing

@testable import QuoteWebhooks

@Suite("Delivery order per endpoint and quote")
struct DeliveryOrderingTests {
    static let now = Date(timeIntervalSince1970: 1_796_600_000)

    func delivery(
        _ id: String, endpoint: String = "e1", quote: String = "Q1", _ sequence: Int64,
        _ state: QueuedDelivery.State = .pending, dueIn: TimeInterval = 0
    ) -> QueuedDelivery {
        QueuedDelivery(
            id: id, endpointID: endpoint, quoteNumber: quote, sequence: sequence, state: state,
            nextAttemptAt: Self.now.addingTimeInterval(dueIn))
    }

    @Test("a later event waits while an earlier one of the same quote and endpoint is pending")
    func waits() {
        let queue = [delivery("issued", 1, dueIn: 300), delivery("decided", 2)]
        #expect(DeliveryOrdering.deliverable(queue, now: Self.now).isEmpty)
        #expect(
            DeliveryOrdering.deliverable(queue, now: Self.now.addingTimeInterval(300)).map(\.id) == ["issued"]
        )
    }

    @Test("once the earlier one succeeded or failed for good, the next goes")
    func proceeds() {
        let succeeded = [delivery("issued", 1, .succeeded), delivery("viewed", 2), delivery("decided", 3)]
        #expect(DeliveryOrdering.deliverable(succeeded, now: Self.now).map(\.id) == ["viewed"])
        let failed = [delivery("issued", 1, .failed), delivery("decided", 3), delivery("viewed", 2)]
        #expect(DeliveryOrdering.deliverable(failed, now: Self.now).map(\.id) == ["viewed"])
    }

    @Test("other quotes and other endpoints do not wait")
    func independent() {
        let queue = [
            delivery("a1", quote: "Q1", 1, dueIn: 60), delivery("a2", quote: "Q1", 4),
            delivery("b1", quote: "Q2", 2), delivery("c1", endpoint: "e2", quote: "Q1", 3),
            delivery("d1", quote: "Q3", 5, dueIn: 1),
        ]
        #expect(DeliveryOrdering.deliverable(queue, now: Self.now).map(\.id) == ["b1", "c1"])
    }
}
