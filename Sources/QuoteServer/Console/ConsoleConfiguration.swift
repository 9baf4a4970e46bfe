import Foundation
import Hummingbird
import HummingbirdAuth
import QuoteCore
import QuoteRendering
import QuoteStore

/// What `repairquote serve --users FILE` needs for the console at `/console`: its users, the price
/// lists (the form's choices), the document renderer's formats, the page templates, sessions.
public struct ConsoleConfiguration: Sendable {
    let users: UsersFile
    let catalog: PriceListCatalog
    let documents: QuoteRenderer
    let pages: ConsolePages
    private(set) var sessions: SessionStorage<ConsoleSession>
    private(set) var throttle: SignInThrottle
    /// The sessions' store (``keeping(sessionsIn:)``).
    private(set) var driver: StorePersistDriver
    /// `Secure` cookies (when the public URL is https).
    let secureCookies: Bool
    let now: @Sendable () -> Date

    /// Loads `Templates/console/` (pages, labels, static files); an error names the file at fault.
    public init(
        users: UsersFile, catalog: PriceListCatalog, documents: QuoteRenderer, templatesDirectory: URL,
        secureCookies: Bool, now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.users = users
        self.catalog = catalog
        self.documents = documents
        self.pages = try ConsolePages(
            directory: templatesDirectory.appendingPathComponent("console"),
            documentStylesheet: documents.documentStylesheet)
        // Until `keeping(sessionsIn:)` names the service's store: a private one in memory.
        let memory = try SQLiteQuoteRepository()
        self.driver = StorePersistDriver(store: memory, now: now)
        self.sessions = Self.sessions(driver, secureCookies: secureCookies)
        self.throttle = SignInThrottle(store: memory, now: now)
        self.secureCookies = secureCookies
        self.now = now
    }

    static func sessions(_ driver: some PersistDriver, secureCookies: Bool) -> SessionStorage<ConsoleSession>
    {
        SessionStorage(
            driver,
            configuration: .init(
                sessionCookieParameters: .init(
                    name: "console_session", path: "/", secure: secureCookies, sameSite: .strict),
                keyPrefix: "console."))
    }

    /// Restarts a live session's idle time; false when it is gone (signed out by a request that
    /// finished meanwhile), so that a request in flight does not bring it back.
    func touch(_ session: ConsoleSession, request: Request) async throws -> Bool {
        guard let id = sessions.getId(request: request), !id.isEmpty else { return false }
        return try await driver.replace(key: "console." + id, value: session, expires: ConsoleSession.idle)
    }

    /// The customer link of a quote just issued or just made, for the quote's page: a cookie of
    /// the agent's browser for that page only, for ten minutes. Not in the session, which the
    /// store keeps: the store keeps only a hash of each link.
    func linkCookie(token: String, number: String) -> Cookie {
        Cookie(
            name: Self.linkCookieName, value: token, maxAge: 600, path: "/console/quotes/" + number,
            secure: secureCookies, httpOnly: true, sameSite: .strict)
    }

    static let linkCookieName = "console_link"

    /// The same console with its sessions and sign-in throttle in `store` (what `serve` runs):
    /// shared by every instance on one database and kept over a restart. Built in memory otherwise.
    func keeping(sessionsIn store: some ExpiringValueStore) -> ConsoleConfiguration {
        var console = self
        console.driver = StorePersistDriver(store: store, now: now)
        console.sessions = Self.sessions(console.driver, secureCookies: secureCookies)
        console.throttle = SignInThrottle(store: store, now: now)
        return console
    }

    /// The market a new quote form starts on: the user's `market` in the users file, else the
    /// last one the user issued a quote in (kept in the store, so any browser knows it), else the
    /// first market.
    func startingMarket(for user: ConsoleUser) async -> String {
        let markets = catalog.markets.map(\.rawValue)
        if let market = user.market, markets.contains(market) { return market }
        let last = try? await driver.get(key: Self.marketKey(user), as: String.self)
        if let last, markets.contains(last) { return last }
        return markets.first ?? ""
    }

    /// Remembers the market of the quote a user just issued, for a year.
    func remember(market: String, for user: ConsoleUser) async {
        try? await driver.set(key: Self.marketKey(user), value: market, expires: .seconds(366 * 86_400))
    }

    static func marketKey(_ user: ConsoleUser) -> String { "console-market." + user.name }

    /// The price list of a market in force today.
    func priceList(_ market: MarketCode, today: CivilDate) -> PriceList? {
        try? catalog.priceList(for: market, on: today)
    }

    /// How a market writes money and dates (its language's label file), English when unknown.
    func format(for market: MarketCode, today: CivilDate) -> LocaleFormat? {
        format(language: priceList(market, today: today)?.settings.language ?? "en")
    }

    /// How a language writes money and dates (the console user's, for lists that mix markets).
    func format(language: String) -> LocaleFormat? {
        let labels = documents.catalog.labels(for: language) ?? documents.catalog.labels(for: "en")
        return labels.flatMap { try? LocaleFormat(labels: $0) }
    }
}
