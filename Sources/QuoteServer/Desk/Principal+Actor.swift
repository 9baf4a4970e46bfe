import QuoteStore

extension Principal {
    /// This caller as the quote's history names it: a console user (`staff`) or an API key
    /// (`api-key`), with its name and role.
    var actor: EventActor {
        EventActor(kind: signedIn ? .staff : .apiKey, name: name, role: role.rawValue)
    }
}
