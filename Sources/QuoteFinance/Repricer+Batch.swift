import QuoteCore

/// What repricing a batch of lines gave: the report (text or CSV records, in line order), the
/// batch's summary, and the messages of lines that cannot be read.
public struct RepriceBatchResult: BatchOutput {
    public var output = ""
    /// The results themselves, with the `.results` style (a workbook writes them).
    public var results: [RepriceResult] = []
    public var summary = RepriceSummary()
    public var invalid: [String] = []
    public var lines = 0
}

extension Repricer {
    /// The per-quote report format: text lines, CSV records, the results as values (for a
    /// workbook), or nothing (`--summary`).
    public enum ReportStyle: Sendable { case text, csv(CSVFormat), results, none }

    /// Reprices a batch of lines; blank lines are skipped.
    public func reprice(_ batch: LineBatch, style: ReportStyle) -> RepriceBatchResult {
        var result = RepriceBatchResult()
        let (lines, invalid) = batch.forEachRecord { (number, bytes) throws(ValidationError) in
            guard let repriced = try repriceIfBooked(bytes, line: number, booking: booking) else { return }
            result.summary.add(repriced)
            switch style {
            case .text: result.output += RepriceReport.text(repriced, date: date)
            case .csv(let format): result.output += format.record(RepriceReport.fields(repriced, format))
            case .results: result.results.append(repriced)
            case .none: break
            }
        }
        (result.lines, result.invalid) = (lines, invalid)
        return result
    }
}
