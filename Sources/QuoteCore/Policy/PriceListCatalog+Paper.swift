extension PriceListCatalog {
    /// The paper of the market a quote was computed with (`paper:` in market.yaml; A4 if that
    /// version is unknown).
    public func paper(of quote: Quote) -> PaperSize {
        (try? priceList(for: quote.market, version: quote.priceListVersion).settings.paper) ?? .a4
    }

    /// Whether the market's e-mails carry the quote's PDF (`attachPDF:` in market.yaml; true if
    /// that version is unknown).
    public func attachesPDF(_ quote: Quote) -> Bool {
        (try? priceList(for: quote.market, version: quote.priceListVersion).settings.attachPDF) ?? true
    }
}
