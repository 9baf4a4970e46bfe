extension QuoteEvent {
    /// The columns of `quote_events`, in the order the stores write them.
    static let columns =
        "quote_number, seq, kind, at_ms, actor_kind, actor_name, actor_role, ip, user_agent, details, prev_hash, hash"

    /// An event row, typed once for both stores; a kind the code does not know is a
    /// ``StoredRowError`` naming the quote.
    init(row: some ColumnReader) throws {
        let number = try row.string("quote_number")
        let ip = try row.optionalString("ip")
        let userAgent = try row.optionalString("user_agent")
        self.init(
            quoteNumber: number, sequence: Int(try row.integer("seq")),
            kind: try row.typed("kind", quote: number, QuoteEventKind.init(rawValue:)),
            atMilliseconds: try row.integer("at_ms"),
            actor: EventActor(
                kind: try row.typed("actor_kind", quote: number, EventActor.Kind.init(rawValue:)),
                name: try row.string("actor_name"), role: try row.optionalString("actor_role")),
            client: ip == nil && userAgent == nil ? nil : EventClient(ip: ip, userAgent: userAgent),
            details: try row.string("details"), previousHash: try row.string("prev_hash"),
            hash: try row.string("hash"))
    }
}
