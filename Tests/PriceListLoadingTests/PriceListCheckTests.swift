import Foundation
import QuoteCore
import Testing

@testable import PriceListLoading

/// `prices check`: every error of every market in one run, as FILE:LINE: FIELD: message.
@Suite("Price-list check")
struct PriceListCheckTests {
    @Test("the shipped price lists pass: 8 lists in 7 markets, no error")
    func shippedPass() throws {
        let report = try PriceListCheck.run(directory: PriceListCopy.shipped.path)
        #expect(report.errors.map(\.description) == [])
        #expect(report.summary == "8 lists in 7 markets: 0 errors")
        #expect(report.versionsByMarket["NL"] == 2)
    }

    @Test("ten kinds of mistake in one parts.csv are all reported in one run, in line order")
    func manyMistakesInOneFile() throws {
        let copy = try PriceListCopy()
        try copy.write(
            "NL/parts.csv",
            """
            sku,description,category,models,price
            X12P-DISPLAY,Display assembly Xiaomi 12 Pro,screen,Xiaomi 12 Por,189.90
            X12-BATTERY,Battery Xiaomi 12,battery,Xiaomi 12,159,90
            X12P-DISPLAY,Display again,screen,Xiaomi 12 Pro,159.90
            X14-DISPLAY,Display assembly Xiaomi 14,screen,Xiaomi 14,-5.00
            X14-BACKCOVER,Back cover Xiaomi 14,housing,Xiaomi 14,0.00
            RN13-DISPLAY,,screen,Redmi Note 13,79.90
            RN13-PORT ,Charging port board,board,Redmi Note 13,19.90
            PAD6-DISPLAY,Display assembly Xiaomi Pad 6,screen,Xiaomi Pad 6,12abc
            TV55-MAINBOARD,Main board Xiaomi TV A2 55,board,Xiaomi TV A2 55,149.005
            TV55-SWAP,Swap unit 55" TV,swap-unit,Xiaomi TV A2 55,449.00
            TV32-SWAP,Swap unit Xiaomi TV A2 32,swap-unit,;,199.00
            CABLE-USBC,USB-C cable,cable,*,9.90

            """)
        let report = try PriceListCheck.run(directory: copy.folder)
        let file = copy.folder + "/NL/parts.csv"
        #expect(
            report.errors.map(\.description) == [
                "\(file):2: models: \"Xiaomi 12 Por\": did you mean \"Xiaomi 12 Pro\"? (not in the models of policy.yaml)",
                "\(file):3: price: expected 5 fields, found 6: \"159,90\" looks like an amount with a decimal comma, read as two fields; write 159.90",
                "\(file):4: sku: X12P-DISPLAY is listed twice (first on line 2)",
                "\(file):5: price: must not be negative",
                "\(file):6: price: is zero: price X14-BACKCOVER, or remove the row",
                "\(file):7: description: is empty",
                "\(file):8: sku: \"RN13-PORT \" has leading or trailing spaces",
                "\(file):9: price: \"12abc\" is not a decimal number (expected digits with an optional '.' and decimals, e.g. \"12.50\")",
                "\(file):10: price: \"149.005\" has more than 2 decimals",
                "\(file):11: a quote inside an unquoted field",
                "\(file):12: models: list the models separated by ';', or '*'",
            ])
        #expect(report.summary == "8 lists in 7 markets: 11 errors (NL 11)")
    }

    @Test("a broken market does not stop the others; errors are sorted by file")
    func brokenMarketDoesNotStopOthers() throws {
        let copy = try PriceListCopy()
        try copy.edit("BE/market.yaml", "currency: EUR", "currency: EURO")
        try copy.edit("US/parts.csv", "Xiaomi 14,219.99", "Xiaomi 41,219.99")
        let report = try PriceListCheck.run(directory: copy.folder)
        #expect(
            report.errors.map(\.description) == [
                "\(copy.folder)/BE/market.yaml:3: currency: \"EURO\" is not a three-letter currency code",
                "\(copy.folder)/US/parts.csv:6: models: \"Xiaomi 41\": did you mean \"Xiaomi 14\"? (not in the models of policy.yaml)",
            ])
        #expect(report.summary == "8 lists in 7 markets: 2 errors (BE 1, US 1)")
    }

    @Test("a misspelt finding in a policy and a misspelt category in labor.csv get the nearest known name")
    func misspeltNames() throws {
        let copy = try PriceListCopy()
        try copy.edit("NL/policy.yaml", "  BX-3: [liquid-damage,", "  BX-3: [liquid-damge,")
        try copy.edit("LU/labor.csv", "tablet,L2,", "tablte,L2,")
        let report = try PriceListCheck.run(directory: copy.folder)
        let messages = report.errors.map(\.description)
        #expect(messages.count == 2)
        #expect(
            messages[0]
                == "\(copy.folder)/LU/labor.csv:6: category: unknown device category \"tablte\": did you mean \"tablet\"?"
        )
        #expect(
            messages[1].hasPrefix(
                "\(copy.folder)/NL/policy.yaml:39: exclusions.BX-3: unknown value \"liquid-damge\": did you mean \"liquid-damage\"? (expected one of: "
            ))
        #expect(report.summary == "8 lists in 7 markets: 2 errors (LU 1, NL 1)")
    }

    @Test("a folder that is not one of price lists is refused")
    func notAFolder() {
        #expect(throws: PriceListError.self) { try PriceListCheck.run(directory: "/nonexistent/PriceLists") }
    }
}
