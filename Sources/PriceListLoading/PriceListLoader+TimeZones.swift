import Foundation
import QuoteCore

extension PriceListLoader {
    /// Each market's time zone (`timeZone` of `<MARKET>/market.yaml`), read without loading the
    /// price lists: what `export --db` needs to write decision times in the market's time.
    /// A folder without a readable `market.yaml` is left out (its decisions are written in UTC).
    public static func timeZones(directory: String) throws(PriceListError) -> [String: TimeZone] {
        var zones: [String: TimeZone] = [:]
        for market in try subfolders(directory) {
            let file = path(directory, market, "market.yaml")
            guard FileManager.default.fileExists(atPath: file) else { continue }
            let reader = try YAMLReader.document(try read(file), file: file)
            if let zone = TimeZone(identifier: try MarketSettings.timeZone(reader)) { zones[market] = zone }
        }
        return zones
    }
}
