import QuoteCore
import QuoteJSON

extension QuoteExporter {
    /// The CSV `repairquote export --db … --all-states` writes, header first, of the given JSON
    /// lines (``QuoteStore``'s `exportLine`): every charge line of every quote, whatever its
    /// state. The console's "Download CSV" of a filtered list.
    public static func csv(lines: some Sequence<String>, format: CSVFormat = .standard) throws -> String {
        var text = format.record(ChargeRow.header)
        for line in lines {
            for row in try ChargeRow.rows(try JSONParser.parse(line), allStates: true).rows {
                text += format.record(row.fields(format))
            }
        }
        return text
    }
}
