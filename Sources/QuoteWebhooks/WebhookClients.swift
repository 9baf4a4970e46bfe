import AsyncHTTPClient
import NIOCore
import Synchronization

/// The HTTP clients of one sender, kept for its life and shut down once (``shutdown()``).
///
/// The SSRF pin (`HTTPClient.Configuration.dnsOverride`, see ``WebhookDeliverer``) is fixed for a
/// client's life: AsyncHTTPClient 1.37 has no per-request resolver or override (its issue #866 asks
/// for one; still open). So there is one client per pin, a host and the address its check
/// accepted, made at the first delivery there and reused while the host keeps resolving to that
/// address: every delivery to an endpoint shares one connection pool. A host whose address changes
/// gets a client for the new pin; the old one is shut down once idle and more than `capacity`
/// pins are held. A pin's client only ever connects to its checked address, so reuse cannot
/// bypass the check made before each attempt.
public final class WebhookClients: Sendable {
    struct Pin: Hashable {
        var host: String
        var address: IPAddress
    }

    struct Entry {
        var client: HTTPClient
        var inFlight = 0
        var lastUsed: UInt64
    }

    struct State {
        var entries: [Pin: Entry] = [:]
        var uses: UInt64 = 0
        var shutDown = false
    }

    /// The error of an attempt made after ``shutdown()``.
    public struct ShutDown: Error, CustomStringConvertible {
        public var description: String { "the webhook sender is shutting down" }
    }

    private let state = Mutex(State())
    private let timeout: TimeAmount
    /// Most pins kept; beyond, the least recently used idle client is shut down.
    public let capacity: Int

    public init(timeout: TimeAmount, capacity: Int = 256) {
        self.timeout = timeout
        self.capacity = capacity
    }

    /// Runs `body` with the client pinned to `endpoint`'s checked address.
    func withClient<Result>(
        for endpoint: CheckedEndpoint, _ body: (HTTPClient) async -> Result
    ) async throws -> Result {
        let pin = Pin(host: endpoint.url.host, address: endpoint.address)
        let (client, evicted) = try acquire(pin)
        for old in evicted { try? await old.shutdown() }
        let result = await body(client)
        state.withLock { $0.entries[pin]?.inFlight -= 1 }
        return result
    }

    private func acquire(_ pin: Pin) throws -> (HTTPClient, [HTTPClient]) {
        try state.withLock { state in
            guard !state.shutDown else { throw ShutDown() }
            state.uses += 1
            if state.entries[pin] == nil {
                let client = HTTPClient(
                    eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration(pin))
                state.entries[pin] = Entry(client: client, lastUsed: state.uses)
            }
            state.entries[pin]!.inFlight += 1
            state.entries[pin]!.lastUsed = state.uses
            return (state.entries[pin]!.client, Self.evict(&state, capacity: capacity))
        }
    }

    /// Removes the least recently used idle clients beyond `capacity`; the caller shuts them down.
    private static func evict(_ state: inout State, capacity: Int) -> [HTTPClient] {
        guard state.entries.count > capacity else { return [] }
        let idle = state.entries.filter { $0.value.inFlight == 0 }.sorted {
            $0.value.lastUsed < $1.value.lastUsed
        }
        return idle.prefix(state.entries.count - capacity).map {
            state.entries.removeValue(forKey: $0.key)!.client
        }
    }

    private func configuration(_ pin: Pin) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: timeout, read: timeout)
        configuration.dnsOverride = [pin.host: pin.address.description]
        configuration.decompression = .disabled
        return configuration
    }

    /// How many pinned clients are held (for tests).
    var count: Int { state.withLock { $0.entries.count } }

    /// Shuts every client down; later attempts fail with ``ShutDown``. Safe to call twice.
    public func shutdown() async {
        let clients = state.withLock { state in
            state.shutDown = true
            defer { state.entries = [:] }
            return state.entries.values.map(\.client)
        }
        for client in clients { try? await client.shutdown() }
    }

    /// A pool dropped without ``shutdown()`` (a test that calls `sendDue` directly) still shuts
    /// its clients down, in the background, rather than tripping AsyncHTTPClient's debug check.
    deinit {
        let clients = state.withLock { $0.entries.values.map(\.client) }
        guard !clients.isEmpty else { return }
        Task { for client in clients { try? await client.shutdown() } }
    }
}
