import Foundation
import PriceListLoading
import QuoteCore
import Testing

/// `serviceCenter:` in market.yaml: the header of every document (docs/price-lists.md).
@Suite("Service center in market.yaml")
struct ServiceCenterLoadingTests {
    static func load(_ folder: String, _ market: String) throws -> MarketSettings {
        let catalog = try PriceListLoader.loadCatalog(directory: folder)
        return try catalog.priceList(for: MarketCode(market), version: "2026.1").settings
    }

    @Test("the shipped NL block loads line by line")
    func shippedNL() throws {
        let center = try #require(try Self.load(PriceListCopy.shipped.path, "NL").serviceCenter)
        #expect(center.name == "Voorbeeld Reparatiecentrum Utrecht")
        #expect(center.address == ["Voorbeeldstraat 1", "3511 AA Utrecht"])
        #expect(center.phone == "+31 30 000 0000")
        #expect(center.email == "service.nl@example.com")
        #expect(center.registration == "KvK 00000000 · btw-id NL000000000B01")
    }

    @Test("every shipped market names one; HK's in Chinese, US without a registration line")
    func everyMarket() throws {
        let catalog = try PriceListLoader.loadCatalog(directory: PriceListCopy.shipped.path)
        for market in catalog.markets {
            for list in catalog.allVersions(of: market) {
                #expect(list.settings.serviceCenter != nil, "\(market) \(list.settings.version)")
            }
        }
        let hk = try #require(try Self.load(PriceListCopy.shipped.path, "HK").serviceCenter)
        #expect(hk.address == ["九龍旺角示例街 1 號示例大廈 12 樓", "香港"])
        #expect(hk.registration == "商業登記號碼 00000000")
        let us = try #require(try Self.load(PriceListCopy.shipped.path, "US").serviceCenter)
        #expect(us.registration == nil && us.phone == "+1 614 555 0100")
    }

    @Test("the block is optional: without it the market has none")
    func optional() throws {
        let copy = try PriceListCopy()
        let path = copy.folder + "/NL/market.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let kept = text.components(separatedBy: "\nserviceCenter:")[0] + "\n"
        try copy.write("NL/market.yaml", kept)
        #expect(try Self.load(copy.folder, "NL").serviceCenter == nil)
        #expect(try Self.load(copy.folder, "BE").serviceCenter != nil)
    }

    @Test(
        "a bad value names file, line and field",
        arguments: [
            (
                "  email: service.nl@example.com", "  email: service.nl(at)example.com",
                "NL/market.yaml:30: serviceCenter.email: \"service.nl(at)example.com\" is not an e-mail"
            ),
            (
                "  email: service.nl@example.com", "  email: service@nl",
                "NL/market.yaml:30: serviceCenter.email: \"service@nl\" is not an e-mail address"
            ),
            (
                "  phone: \"+31 30 000 0000\"", "  phone: call us",
                "NL/market.yaml:29: serviceCenter.phone: \"call us\" is not a telephone number"
            ),
            (
                "  phone: \"+31 30 000 0000\"", "  phone: \"+31 30\"",
                "NL/market.yaml:29: serviceCenter.phone: \"+31 30\" is not a telephone number"
            ),
            (
                "  name: Voorbeeld Reparatiecentrum Utrecht", "  nmae: Voorbeeld Reparatiecentrum Utrecht",
                "NL/market.yaml:25: serviceCenter.nmae: unknown field (expected one of: address, email, name,"
            ),
            (
                "  name: Voorbeeld Reparatiecentrum Utrecht\n", "",
                "NL/market.yaml:25: serviceCenter.name: is required (the service center's name)"
            ),
            (
                "  name: Voorbeeld Reparatiecentrum Utrecht", "  name: \"Voorbeeld\\u202EUtrecht\"",
                "NL/market.yaml:25: serviceCenter.name: \"Voorbeeld\\u{202E}Utrecht\" holds a control or text-direction character"
            ),
            (
                "    - 3511 AA Utrecht", "    - \"  \"",
                "NL/market.yaml:28: serviceCenter.address[1]: must not be empty"
            ),
            (
                "    - 3511 AA Utrecht", "    - [3511 AA, Utrecht]",
                "NL/market.yaml:28: serviceCenter.address[1]: expected a line of text"
            ),
            (
                "    - 3511 AA Utrecht", "    - 3511 AA Utrecht\n    - b\n    - c\n    - d\n    - e\n    - f",
                "NL/market.yaml:27: serviceCenter.address: has 7 lines (1 to 6)"
            ),
            (
                "  registration: KvK 00000000 · btw-id NL000000000B01",
                "  registration: KvK " + String(repeating: "0", count: 97),
                "NL/market.yaml:31: serviceCenter.registration: is 101 characters long (at most 100)"
            ),
        ])
    func namesTheField(original: String, replacement: String, expected: String) throws {
        let copy = try PriceListCopy()
        try copy.edit("NL/market.yaml", original, replacement)
        let error = try #require(PriceListLoaderTests.loadError(copy.folder))
        #expect(error.description.hasPrefix(copy.folder + "/" + expected), "\(error)")
    }
}
