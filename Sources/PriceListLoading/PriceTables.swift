import QuoteCore

/// Reads `labor.csv` and `parts.csv` (contract §3). Every row is read even after a bad one: the
/// `…Rows` functions return what could be read and every error; loading throws the first.
enum PriceTables {
    /// A row of `labor.csv` that could be read, with its line.
    struct LaborRow {
        var line: Int
        var rate: LaborRate
    }

    /// A row of `parts.csv` that could be read, with its line and the model names as written.
    struct PartRow {
        var line: Int
        var part: Part
        var modelNames: [String]
    }

    static func labor(_ text: String, file: String, currency: Currency) throws(PriceListError) -> [LaborRate]
    {
        let (rows, errors) = laborRows(text, file: file, currency: currency)
        if let first = errors.first { throw first }
        return rows.map(\.rate)
    }

    static func parts(_ text: String, file: String, currency: Currency) throws(PriceListError) -> [Part] {
        let (rows, errors) = partRows(text, file: file, currency: currency)
        if let first = errors.first { throw first }
        return rows.map(\.part)
    }

    static let laborHeader = ["category", "code", "description", "price"]
    static let partsHeader = ["sku", "description", "category", "models", "price"]

    static func laborRows(_ text: String, file: String, currency: Currency) -> ([LaborRow], [PriceListError])
    {
        let table = CSVTable(text, file: file, header: laborHeader)
        var errors = table.errors
        var seen: [String: Int] = [:]
        var rates: [LaborRow] = []
        for row in table.rows {
            var rowErrors = RowErrors()
            let category = rowErrors.collect { () throws(PriceListError) in try Self.category(table, row) }
            let code = rowErrors.collect { () throws(PriceListError) in try table.value(row, "code") }
            if let category, let code {
                if let first = seen["\(category.rawValue)/\(code)"] {
                    rowErrors.errors.append(
                        PriceListError(
                            file: file, line: row.line, field: "code",
                            "\(code) is listed twice for \(category.rawValue) (first on line \(first))"))
                } else {
                    seen["\(category.rawValue)/\(code)"] = row.line
                }
            }
            let description = rowErrors.collect { () throws(PriceListError) in
                try table.value(row, "description")
            }
            let price = rowErrors.collect { () throws(PriceListError) in
                try Self.price(table, row, currency: currency)
            }
            errors += rowErrors.errors
            if rowErrors.errors.isEmpty, let category, let code, let description, let price {
                rates.append(
                    LaborRow(
                        line: row.line,
                        rate: LaborRate(
                            category: category, code: code, description: description, price: price)))
            }
        }
        return (rates, errors)
    }

    static func partRows(_ text: String, file: String, currency: Currency) -> ([PartRow], [PriceListError]) {
        let table = CSVTable(text, file: file, header: partsHeader)
        var errors = table.errors
        var seen: [String: Int] = [:]
        var parts: [PartRow] = []
        for row in table.rows {
            var rowErrors = RowErrors()
            let sku = rowErrors.collect { () throws(PriceListError) in try table.value(row, "sku") }
            if let sku {
                if let first = seen[sku] {
                    rowErrors.errors.append(
                        PriceListError(
                            file: file, line: row.line, field: "sku",
                            "\(sku) is listed twice (first on line \(first))"))
                } else {
                    seen[sku] = row.line
                }
            }
            let description = rowErrors.collect { () throws(PriceListError) in
                try table.value(row, "description")
            }
            let category = rowErrors.collect { () throws(PriceListError) in try Self.partCategory(table, row)
            }
            let names = rowErrors.collect { () throws(PriceListError) in try Self.modelNames(table, row) }
            let price = rowErrors.collect { () throws(PriceListError) in
                try Self.price(table, row, currency: currency)
            }
            errors += rowErrors.errors
            if rowErrors.errors.isEmpty, let sku, let description, let category, let names, let price {
                let models = names.map { Set($0.map(ModelName.normalize)) }
                parts.append(
                    PartRow(
                        line: row.line,
                        part: Part(
                            sku: sku, description: description, category: category, models: models,
                            price: price),
                        modelNames: names ?? []))
            }
        }
        return (parts, errors)
    }

    static func partCategory(_ table: CSVTable, _ row: CSVTable.Row) throws(PriceListError) -> PartCategory {
        let text = try table.value(row, "category")
        guard let category = PartCategory(rawValue: text) else {
            let hint = NearestName.hint(for: text, among: PartCategory.allCases.map(\.rawValue))
            throw PriceListError(
                file: table.file, line: row.line, field: "category",
                "unknown part category \"\(text)\"\(hint)")
        }
        return category
    }

    static func category(_ table: CSVTable, _ row: CSVTable.Row) throws(PriceListError) -> DeviceCategory {
        let text = try table.value(row, "category")
        guard let category = DeviceCategory(rawValue: text) else {
            let hint = NearestName.hint(for: text, among: DeviceCategory.allCases.map(\.rawValue))
            throw PriceListError(
                file: table.file, line: row.line, field: "category",
                "unknown device category \"\(text)\"\(hint)")
        }
        return category
    }

    /// The model names of a part as written, or nil for `*` (every model).
    static func modelNames(_ table: CSVTable, _ row: CSVTable.Row) throws(PriceListError) -> [String]? {
        let text = try table.value(row, "models")
        if text == "*" { return nil }
        let names = text.split(separator: ";").map { String($0).trimmingCharacters(in: " \t") }.filter {
            !ModelName.normalize($0).isEmpty
        }
        guard !names.isEmpty else {
            throw PriceListError(
                file: table.file, line: row.line, field: "models", "list the models separated by ';', or '*'")
        }
        return names
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
            throw PriceListError(
                file: table.file, line: row.line, field: "price",
                "\(error)\(DecimalCommaHint.text(for: text))")
        } catch let error as PriceListError {
            throw error
        } catch {
            throw PriceListError(file: table.file, line: row.line, field: "price", "\(error)")
        }
    }
}

/// The errors of one row: each field is read on its own, so a row reports all of its faults.
struct RowErrors {
    var errors: [PriceListError] = []

    mutating func collect<T>(_ read: () throws(PriceListError) -> T) -> T? {
        do {
            return try read()
        } catch {
            errors.append(error)
            return nil
        }
    }
}
