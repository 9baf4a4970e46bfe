import Foundation
import QuoteCore
import QuoteJSON

/// Reads a case file (or `-` for standard input) and decodes it, naming the field of any error.
enum CaseInput {
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.badInput("\(path): cannot be read (missing or not a file)")
        }
        guard data.count <= 1 << 20 else { throw CLIError.badInput("\(path): larger than 1 MiB") }
        return Array(data)
    }

    /// A quoted case, with the price lists it was quoted with.
    struct Quoted {
        var catalog: PriceListCatalog
        var serviceCase: ServiceCase
        var quote: Quote

        var parts: (PriceListCatalog, ServiceCase, Quote) { (catalog, serviceCase, quote) }
    }

    /// Reads a case file, loads its market's price lists, decodes and quotes it: the start of
    /// `quote`, `email` and `bench render`. Any bad input is a `CLIError` naming the file and field.
    static func quote(_ path: String, priceLists: PriceListOptions) throws -> Quoted {
        let json = try parse(try read(path), source: path)
        let catalog = try priceLists.loadCatalog(onlyMarket: market(of: json))
        let serviceCase = try decode(json, source: path, catalog: catalog)
        do {
            return Quoted(
                catalog: catalog, serviceCase: serviceCase,
                quote: try QuoteCalculator(catalog: catalog).quote(serviceCase))
        } catch {
            throw CLIError.badInput("\(path): \(error)")
        }
    }

    /// The case document, parsed once: its `market` chooses the price lists to load, then it is
    /// decoded from the same tree.
    static func parse(_ bytes: [UInt8], source: String) throws -> JSONValue {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw CLIError.badInput("\(source): \(ValidationError(field: "", "malformed JSON: \(error)"))")
        }
    }

    /// The `market` of a case document, if it has one (to load only that market's price lists).
    static func market(of json: JSONValue) -> String? {
        guard case .object(let o) = json, case .string(let market)? = o["market"] else { return nil }
        return market
    }

    static func decode(_ json: JSONValue, source: String, catalog: PriceListCatalog) throws -> ServiceCase {
        do {
            return try CaseDecoder.decode(json, today: { catalog.today(in: $0) })
        } catch {
            throw CLIError.badInput("\(source): \(error)")
        }
    }
}
