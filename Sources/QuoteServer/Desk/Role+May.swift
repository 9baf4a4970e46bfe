/// What a caller asks to do: one case per use case of ``QuoteDesk`` (and the ones to come), the
/// words of the permission table ``Role/may(_:)`` (and ``Role/may(_:on:retailer:)`` on one quote).
public enum Action: String, Sendable, CaseIterable {
    /// Preview and issue a quote (`POST /v1/quotes/preview`, `POST /v1/quotes`, the console's form).
    case issue
    /// Issue a revision of an open quote.
    case revise
    /// Record the customer's answer given to staff (in person, phone, e-mail, letter).
    case decide
    /// Queue the quote's e-mail to the customer.
    case email
    /// Withdraw an open quote.
    case void
    /// Make a new customer link.
    case link
    /// Read quotes, their documents and lists, and the price-list catalog.
    case read
    /// Read one quote's history (`GET /v1/quotes/{n}/events`, the console's timeline).
    case readHistory
    /// Export decided charges (`repairquote export`; no route yet).
    case export
    /// Add and remove console users (the users file today; no route yet).
    case manageUsers
    /// Read the quote event feed (to come with webhooks).
    case readEvents
    /// Register, rotate, enable and remove one's own webhook endpoints and read their deliveries
    /// (`/v1/webhooks`): every key, for the quotes it may read.
    case manageWebhooks
    /// Read the finance reports (`/console/reports` and its CSV), over the quotes the role reaches.
    case readReports
}

/// Whose quotes a role reaches.
public enum Reach: Sendable, Equatable {
    /// Every quote of the service.
    case every
    /// Only the quotes issued for the caller's own retailer id.
    case ownRetailer
}

/// The permission table: the one place that says which role may do what. The API's routes, the
/// console's actions and the console's `may…` view flags all ask it.
///
/// | action          | service-center | retailer       | finance |
/// |-----------------|----------------|----------------|---------|
/// | issue, revise   | yes            | yes            | no      |
/// | decide, void    | yes            | yes            | no      |
/// | link            | yes            | yes            | no      |
/// | email           | yes            | no             | no      |
/// | read            | yes            | own quotes     | yes     |
/// | readHistory     | yes            | own quotes     | yes     |
/// | export          | yes            | no             | yes     |
/// | manageUsers     | no             | no             | no      |
/// | readEvents      | yes            | no             | yes     |
/// | manageWebhooks  | yes            | own quotes     | yes     |
/// | readReports     | yes            | own quotes     | yes     |
///
/// A retailer reaches only the quotes issued for its retailer id (``reach``), whatever the action.
extension Role {
    /// Whether this role may do `action` at all (on any quote it reaches).
    public func may(_ action: Action) -> Bool {
        switch (self, action) {
        case (.serviceCenter, .manageUsers): false
        case (.serviceCenter, _): true
        case (.retailer, .issue), (.retailer, .revise), (.retailer, .decide), (.retailer, .void),
            (.retailer, .link), (.retailer, .read), (.retailer, .readHistory), (.retailer, .readReports),
            (.retailer, .manageWebhooks):
            true
        case (.retailer, _): false
        case (.finance, .read), (.finance, .readHistory), (.finance, .export), (.finance, .readEvents),
            (.finance, .readReports), (.finance, .manageWebhooks):
            true
        case (.finance, _): false
        }
    }

    /// Whether this role may do `action` on a quote issued by `issuer` (nil: any quote it reaches).
    public func may(_ action: Action, on issuer: String?, retailer: String?) -> Bool {
        guard may(action) else { return false }
        guard let issuer else { return true }
        switch reach {
        case .every: return true
        case .ownRetailer: return retailer == issuer
        }
    }

    /// Whose quotes this role reaches.
    public var reach: Reach {
        switch self {
        case .retailer: .ownRetailer
        case .serviceCenter, .finance: .every
        }
    }
}

extension Principal {
    /// Whether this caller may do `action` on a quote issued by `issuer` (nil: on any quote it
    /// reaches): the table's answer for its role, within its reach.
    public func may(_ action: Action, on issuer: String? = nil) -> Bool {
        role.may(action, on: issuer, retailer: retailer)
    }

    /// Throws ``DeskError/forbidden(_:)`` unless this caller's role may do `action`.
    func authorize(_ action: Action) throws(DeskError) {
        guard role.may(action) else { throw DeskError.forbidden(role) }
    }

    /// The issuer a list of this caller's quotes is limited to: its own, or nil for every quote.
    var listIssuer: String? {
        switch role.reach {
        case .every: nil
        case .ownRetailer: issuer
        }
    }
}
