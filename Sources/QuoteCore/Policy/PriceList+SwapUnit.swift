extension PriceList {
    /// The swap unit for a model: one the case asks for, else the parts list's first (by SKU) that
    /// fits; nil when the parts list has none.
    func swapPart(normalizedModel: String, requested: [ServiceCase.PartRequest]) -> Part? {
        let asked = requested.lazy.compactMap { self.parts[$0.sku] }.first { $0.category == .swapUnit }
        return asked
            ?? parts.values.filter { $0.category == .swapUnit && $0.fits(normalizedModel: normalizedModel) }
            .min { $0.sku < $1.sku }
    }
}
