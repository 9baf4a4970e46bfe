import Foundation
import Hummingbird

/// Where a sign-in goes back to: the console page that found the session ended (WCAG 2.2.1, a
/// form sent after the session ended comes back filled). Only a path of the console is followed,
/// never another site's address.
enum SignInReturn {
    /// The sign-in page; for a quote form that was posted, with `next`: that form's page with
    /// `resume=1` (console.js then sends the draft it kept again).
    static func signInURL(after request: Request) -> String {
        guard request.method == .post, let form = formPage(of: request.uri.path) else {
            return "/console/sign-in"
        }
        let target = form + "?resume=1"
        guard next(target) != nil else { return "/console/sign-in" }
        var plain = CharacterSet.alphanumerics
        plain.insert(charactersIn: "/-._~")
        return "/console/sign-in?next=" + (target.addingPercentEncoding(withAllowedCharacters: plain) ?? "")
    }

    /// The GET page of a posted form (`/console/quotes/new`, `…/{number}/revise`); nil for other posts.
    static func formPage(of path: String) -> String? {
        path == "/console/quotes/new" || (path.hasPrefix("/console/quotes/") && path.hasSuffix("/revise"))
            ? path : nil
    }

    /// `next` when it is a console path of this site (`/console/…`, no scheme, host or `//`).
    static func next(_ value: String?) -> String? {
        guard let value, value.hasPrefix("/console/"), !value.hasPrefix("//"), value.count <= 300,
            !value.contains("\\"), value.allSatisfy({ $0.isASCII && !$0.isNewline && $0 != "\"" })
        else { return nil }
        return value
    }
}
