import QuoteCore

/// Reads `labor.csv` and `parts.csv` (contract §3).
enum PriceTables {
    static func labor(_ text: String, file: String, currency: Currency) throws(PriceListError) -> [LaborRate]
    {
        let table = try CSVTable(text, file: file, header: ["category", "code", "description", "price"])
        var seen = Set<String>()
        var rates: [LaborRate] = []
        for row in table.rows {
            let categoryText = try table.value(row, "category")
            guard let category = DeviceCategory(rawValue: categoryText) else {
                throw PriceListError(
                    file: file, line: row.line, field: "category",
                    "unknown device category \"\(categoryText)\"")
            }
            let code = try table.value(row, "code")
            guard seen.insert("\(category.rawValue)/\(code)").inserted else {
                throw PriceListError(
                    file: file, line: row.line, field: "code",
                    "\(code) is listed twice for \(category.rawValue)")
            }
            rates.append(
                LaborRate(
                    category: category, code: code, description: try table.value(row, "description"),
                    price: try price(table, row, currency: currency)))
        }
        return rates
    }

    static func parts(_ text: String, file: String, currency: Currency) throws(PriceListError) -> [Part] {
        let table = try CSVTable(
            text, file: file, header: ["sku", "description", "category", "models", "price"])
        var seen = Set<String>()
        var parts: [Part] = []
        for row in table.rows {
            let sku = try table.value(row, "sku")
            guard seen.insert(sku).inserted else {
                throw PriceListError(file: file, line: row.line, field: "sku", "\(sku) is listed twice")
            }
            let modelsText = try table.value(row, "models")
            let models: Set<String>? =
                modelsText == "*"
                ? nil
                : Set(
                    modelsText.split(separator: ";").map { ModelName.normalize(String($0)) }.filter {
                        !$0.isEmpty
                    })
            if let models, models.isEmpty {
                throw PriceListError(
                    file: file, line: row.line, field: "models", "list the models separated by ';', or '*'")
            }
            let categoryText = try table.value(row, "category")
            guard let category = PartCategory(rawValue: categoryText) else {
                let known = PartCategory.allCases.map(\.rawValue).joined(separator: ", ")
                throw PriceListError(
                    file: file, line: row.line, field: "category",
                    "unknown part category \"\(categoryText)\" (known: \(known))")
            }
            parts.append(
                Part(
                    sku: sku, description: try table.value(row, "description"), category: category,
                    models: models, price: try price(table, row, currency: currency)))
        }
        return parts
    }

    static func price(_ table: CSVTable, _ row: CSVTable.Row, currency: Currency) throws(PriceListError)
        -> Money
    {
        let text = try table.value(row, "price")
        do {
            let money = try Money.parse(text, currency: currency)
            guard !money.isNegative else {
                throw PriceListError(file: table.file, line: row.line, field: "price", "must not be negative")
            }
            return money
        } catch let error as Decimals.ParseError {
            throw PriceListError(file: table.file, line: row.line, field: "price", "\(error)")
        } catch let error as PriceListError {
            throw error
        } catch {
            throw PriceListError(file: table.file, line: row.line, field: "price", "\(error)")
        }
    }
}
