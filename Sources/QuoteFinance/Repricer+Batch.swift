import QuoteCore

/// What repricing a batch of lines gave: the report (text or CSV records, in line order), the
/// batch's summary, and the messages of lines that cannot be read.
public struct RepriceBatchResult: Sendable {
    public var report = ""
    public var summary = RepriceSummary()
    public var invalid: [String] = []
    public var lines = 0
}

extension Repricer {
    /// The per-quote report format: text lines, CSV records, or nothing (`--summary`).
    public enum ReportStyle: Sendable { case text, csv(CSVFormat), none }

    /// Reprices a batch of lines; blank lines are skipped.
    public func reprice(_ batch: LineBatch, style: ReportStyle) -> RepriceBatchResult {
        var result = RepriceBatchResult()
        batch.buffer.withUnsafeBufferPointer { buffer in
            for line in batch.lines {
                let bytes = UnsafeBufferPointer(rebasing: buffer[line.range])
                if !line.overlong, bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
                result.lines += 1
                do {
                    guard !line.overlong else {
                        throw ValidationError(field: "", "line too long (over 4 MiB)")
                    }
                    let repriced = try reprice(bytes, line: line.number)
                    result.summary.add(repriced)
                    switch style {
                    case .text: result.report += RepriceReport.text(repriced, date: date)
                    case .csv(let format):
                        result.report += format.record(RepriceReport.fields(repriced, format))
                    case .none: break
                    }
                } catch {
                    result.invalid.append("line \(line.number): invalid: \(error)")
                }
            }
        }
        return result
    }
}
