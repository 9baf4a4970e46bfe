import Foundation
import HTTPTypes
import Hummingbird

/// Headers of the pages a browser shows (the customer link, the quote documents): no scripts, no
/// framing, not cached, no referrer to another site. The templates style inline (`<style>`,
/// `style=""`), so `style-src 'unsafe-inline'`; nothing else is loaded.
enum PageHeaders {
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

    /// The documents' headers: no referrer at all.
    static let fields: HTTPFields = [
        .contentSecurityPolicy: contentSecurityPolicy, .xFrameOptions: "DENY", .referrerPolicy: "no-referrer",
        .cacheControl: "no-store",
    ]

    /// The customer link's headers. `Referrer-Policy: same-origin`, not `no-referrer`: under
    /// `no-referrer` Chromium sends the page's own form post with `Origin: null`, which
    /// ``isSameOrigin(_:publicBaseURL:)`` must refuse; under `same-origin` it sends the page's
    /// origin, and a link to another site still carries no `Referer` (the token stays here).
    static let customerFields: HTTPFields = {
        var fields = Self.fields
        fields[.referrerPolicy] = "same-origin"
        return fields
    }()

    /// `scheme://host[:port]` of a URL, lower-cased, as browsers send it in `Origin`.
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        return components.port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }

    /// Whether a form post comes from the service's own pages (docs/service.md, "Cross-site
    /// posts"), in this order:
    ///
    /// 1. an `Origin` that names a site (not `null`) must be the service's: the origin of
    ///    `publicBaseURL`, or one whose `host:port` is the request's `Host`;
    /// 2. a browser's `Sec-Fetch-Site` (no page can set or change it) must be `same-origin`:
    ///    `same-site` (another port or subdomain), `cross-site` and `none` are refused;
    /// 3. without `Sec-Fetch-Site` (an older browser, or not a browser), `Origin: null` is refused
    ///    (a sandboxed page, or one that hides its origin), and no `Origin` at all passes.
    ///
    /// | Origin | Sec-Fetch-Site | answer |
    /// |---|---|---|
    /// | `https://quotes.example` (ours) | `same-origin` or none | taken |
    /// | `null` | `same-origin` | taken (our page under `Referrer-Policy: no-referrer`) |
    /// | `null` | `cross-site`, `same-site` or none | 403 |
    /// | `https://evil.example` | anything | 403 |
    /// | none | none | taken (curl, a mail client's form) |
    static func isSameOrigin(_ request: Request, publicBaseURL: String) -> Bool {
        let given = request.headers[.origin]
        if let given, given != "null" {
            guard let origin = Self.origin(of: given) else { return false }
            guard
                origin == Self.origin(of: publicBaseURL)
                    || origin.split(separator: "/").last.map(String.init)
                        == request.head.authority?.lowercased()
            else { return false }
        }
        if let site = request.headers[.secFetchSite] {
            return site.lowercased() == "same-origin"
        }
        return given != "null"
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
    static let secFetchSite = Self("Sec-Fetch-Site")!
}
