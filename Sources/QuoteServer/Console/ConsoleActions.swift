/// The console's words for the permission table's actions (``Role/may(_:)`` answers for them).
enum ConsoleActions {
    /// The quote page's flags of the actions a user may take on an open quote.
    static let flags: [(flag: String, action: Action)] = [
        ("mayLink", .link), ("mayEmail", .email), ("mayDecide", .decide), ("mayRevise", .revise),
        ("mayVoid", .void),
    ]

    /// The actions posted to `/console/quotes/{number}/{action}`.
    static let posted: [String: Action] = [
        "decision": .decide, "email": .email, "void": .void, "link": .link,
    ]
}
