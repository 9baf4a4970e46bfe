import Foundation
import PriceListLoading

extension PriceListOptions {
    /// The markets' time zones from the price-list folder; none when it has no price lists (the
    /// decision times are then written in UTC, with offset +00:00).
    func timeZones() throws -> [String: TimeZone] {
        let folder = directory()
        guard FileManager.default.fileExists(atPath: folder) else { return [:] }
        do {
            return try PriceListLoader.timeZones(directory: folder)
        } catch {
            throw CLIError.badInput("price lists: \(error)")
        }
    }
}
