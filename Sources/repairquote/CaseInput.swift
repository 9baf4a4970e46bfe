import Foundation
import QuoteCore

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
        let bytes = try read(path)
        let catalog = try priceLists.loadCatalog(onlyMarket: peekMarket(bytes))
        let serviceCase = try decode(bytes, source: path, catalog: catalog)
        do {
            return Quoted(
                catalog: catalog, serviceCase: serviceCase,
                quote: try QuoteCalculator(catalog: catalog).quote(serviceCase))
        } catch {
            throw CLIError.badInput("\(path): \(error)")
        }
    }

    /// The `market` of a case document, if it has one (to load only that market's price lists).
    static func peekMarket(_ bytes: [UInt8]) -> String? {
        guard case .object(let o)? = try? JSONParser.parse(bytes), case .string(let market)? = o["market"]
        else { return nil }
        return market
    }

    static func decode(_ bytes: [UInt8], source: String, catalog: PriceListCatalog) throws -> ServiceCase {
        do {
            return try CaseDecoder.decode(bytes: bytes, today: { catalog.today(in: $0) })
        } catch {
            throw CLIError.badInput("\(source): \(error)")
        }
    }
}
