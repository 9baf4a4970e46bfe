import Foundation
import HTTPTypes
import Hummingbird
import QuoteStore

/// Where a customer's request came from, for the quote's history and the acceptance evidence.
enum CustomerClient {
    /// The socket's peer address; when that peer is a trusted proxy (`serve --trusted-proxy`),
    /// the last address of `X-Forwarded-For` that is not itself a trusted proxy (the one the
    /// nearest trusted proxy saw). The User-Agent as sent, cut to 500 characters.
    static func of(_ request: Request, _ context: ServiceRequestContext, trusting proxies: [IPNetwork])
        -> EventClient
    {
        var ip = context.remoteAddress?.ipAddress
        let forwarded = request.headers[values: HTTPField.Name("X-Forwarded-For")!].joined(separator: ",")
        if let peer = ip, !forwarded.isEmpty, proxies.contains(where: { $0.contains(peer) }) {
            let hops = forwarded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let client = hops.last(where: { hop in !proxies.contains { $0.contains(hop) } }) ?? hops.first
            if let client, IPNetwork.bytes(client) != nil { ip = client }
        }
        let agent = request.headers[.userAgent].map { String($0.prefix(500)) }
        return EventClient(ip: ip, userAgent: agent)
    }
}
