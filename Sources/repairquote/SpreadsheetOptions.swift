import ArgumentParser
import QuoteFinance

/// `--delimiter`, `--decimal-comma` and `--locale`: CSV a spreadsheet of that locale reads as numbers.
struct SpreadsheetOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Field delimiter of the CSV: one character, e.g. ';' (default ',').", valueName: "CHAR"))
    var delimiter: String?

    @Flag(help: "Write amounts with a decimal comma (12,50); use with --delimiter ';'.")
    var decimalComma = false

    @Option(
        help: ArgumentHelp(
            "Delimiter and decimal separator of a locale: nl-NL, nl-BE, fr-BE, fr-LU, es-ES (';' and ','), en-US, en-GB.",
            valueName: "LOCALE"))
    var locale: String?

    func validate() throws {
        if let locale, CSVFormat.locales[locale] == nil {
            throw ValidationError(
                "--locale: unknown locale \"\(locale)\" (known: \(CSVFormat.locales.keys.sorted().joined(separator: ", ")))"
            )
        }
        if let delimiter {
            guard delimiter.utf8.count == 1, let byte = delimiter.utf8.first,
                !["\"", "\r", "\n", ".", "-"].contains(Character(UnicodeScalar(byte))),
                !(48...57).contains(byte)
            else {
                throw ValidationError(
                    "--delimiter: \"\(delimiter)\" is not a single ASCII delimiter such as ',' ';' or a tab")
            }
        }
        let format = self.format
        if format.decimalComma, format.delimiter == UInt8(ascii: ",") {
            throw ValidationError("--decimal-comma: needs another delimiter than ',' (e.g. --delimiter ';')")
        }
    }

    /// Refuses the CSV options when the command writes no CSV (`reprice` without `--csv` writes text).
    func validateOnlyWith(csv: Bool) throws {
        guard !csv else { return }
        let given = [
            locale.map { _ in "--locale" }, delimiter.map { _ in "--delimiter" },
            decimalComma ? "--decimal-comma" : nil,
        ].compactMap { $0 }
        if let first = given.first {
            throw ValidationError(
                "\(first): shapes CSV only; add --csv (or leave out \(given.joined(separator: ", ")))")
        }
    }

    /// The CSV format asked for: the locale's, overridden by --delimiter and --decimal-comma.
    var format: CSVFormat {
        var format = locale.flatMap { CSVFormat.locales[$0] } ?? .standard
        if let byte = delimiter?.utf8.first { format.delimiter = byte }
        if decimalComma { format.decimalComma = true }
        return format
    }
}
