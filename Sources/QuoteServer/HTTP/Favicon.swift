import Foundation
import Hummingbird

/// The service's icon (`Resources/favicon.svg`), at `/favicon.svg` (every console page links it)
/// and at `/favicon.ico` (where a browser looks for a page that links none: the customer link,
/// the documents), cached for a year, so that no first page load asks for an icon in vain.
enum Favicon {
    static let svg: String = {
        guard let url = Bundle.module.url(forResource: "favicon", withExtension: "svg"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>"# }
        return text
    }()

    static let headers: HTTPFields = [
        .contentType: "image/svg+xml", .cacheControl: "public, max-age=31536000, immutable",
        .xContentTypeOptions: "nosniff",
    ]

    static func register(on router: Router<some RequestContext>) {
        for path in ["/favicon.svg", "/favicon.ico"] {
            router.get(RouterPath(path)) { _, _ in
                Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: svg)))
            }
        }
    }
}
