import Foundation
import HTTPTypes
import Hummingbird

/// Headers of the pages a browser shows (the customer link, the quote documents): no scripts, no
/// framing, no referrer, not cached. The templates style inline (`<style>`, `style=""`), so
/// `style-src 'unsafe-inline'`; nothing else is loaded.
enum PageHeaders {
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

    static let fields: HTTPFields = [
        .contentSecurityPolicy: contentSecurityPolicy, .xFrameOptions: "DENY", .referrerPolicy: "no-referrer",
        .cacheControl: "no-store",
    ]

    /// `scheme://host[:port]` of a URL, lower-cased, as browsers send it in `Origin`.
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        return components.port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }

    /// Whether a form post comes from the service's own pages: no `Origin` (not a browser, or one
    /// that does not send it), or the origin of `publicBaseURL`, or one whose host is the
    /// request's `Host`. `Origin: null` (a sandboxed or privacy-redirected page) is not.
    static func isSameOrigin(_ request: Request, publicBaseURL: String) -> Bool {
        guard let given = request.headers[.origin] else { return true }
        guard let origin = Self.origin(of: given) else { return false }
        if origin == Self.origin(of: publicBaseURL) { return true }
        guard let host = request.head.authority else { return false }
        return origin.split(separator: "/").last.map(String.init) == host.lowercased()
    }

    /// Whether the body is declared `application/x-www-form-urlencoded` (parameters allowed).
    static func isForm(_ request: Request) -> Bool {
        guard let type = request.headers[.contentType] else { return false }
        let media = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return media.lowercased() == "application/x-www-form-urlencoded"
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
