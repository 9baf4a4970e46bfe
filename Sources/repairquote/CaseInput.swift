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

    static func decode(_ bytes: [UInt8], source: String, catalog: PriceListCatalog) throws -> ServiceCase {
        do {
            return try CaseDecoder.decode(bytes: bytes, today: { catalog.today(in: $0) })
        } catch {
            throw CLIError.badInput("\(source): \(error)")
        }
    }
}

extension PriceListCatalog {
    /// Today's date in the market's time zone (for a case without a request date).
    func today(in market: MarketCode) -> CivilDate {
        let zone =
            allVersions(of: market).first.flatMap { TimeZone(identifier: $0.settings.timeZone) } ?? TimeZone(
                identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
