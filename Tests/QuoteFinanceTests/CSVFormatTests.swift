import Foundation
import QuoteCore
import QuoteFinance
import Testing

/// CSV for a spreadsheet of a comma-decimal locale: `;` between fields, `12,50` as a number.
@Suite("CSV formats for spreadsheets")
struct CSVFormatTests {
    static let dutch = CSVFormat.locales["nl-NL"]!

    @Test("nl-NL: semicolons and decimal commas; a field holding ';' is quoted, one holding ',' is not")
    func dutch() {
        #expect(Self.dutch.amount(-1250, scale: 2) == "-12,50")
        #expect(Self.dutch.amount(7, scale: 2) == "0,07")
        #expect(Self.dutch.amount(1500, scale: 0) == "1500")
        #expect(
            Self.dutch.record(["NL", "a;b", "1,5 kg", "say \"hi\"", "12,50"])
                == "NL;\"a;b\";1,5 kg;\"say \"\"hi\"\"\";12,50\r\n")
    }

    @Test("the standard format is RFC 4180 as before")
    func standard() {
        #expect(CSVFormat.standard.amount(-1250, scale: 2) == "-12.50")
        #expect(CSVFormat.standard.record(["a,b", "c"]) == "\"a,b\",c\r\n")
        #expect(CSV.record(["a;b", "c"]) == "a;b,c\r\n")
    }

    @Test("export rows and totals in nl-NL: amounts with a comma, the same digits as the standard")
    func exportDutch() throws {
        let lines = Fixtures.generated(30, seed: 3)
        for line in lines {
            for row in try ChargeRow.rows(Fixtures.json(line)).rows {
                let standard = row.fields
                let dutch = row.fields(Self.dutch)
                #expect(dutch[0..<10] == standard[0..<10])
                #expect(
                    dutch[10...].map { $0.replacingOccurrences(of: ",", with: ".") } == Array(standard[10...])
                )
                #expect(dutch[12].contains(",") || row.currency.minorUnits == 0)
            }
        }
    }
}
