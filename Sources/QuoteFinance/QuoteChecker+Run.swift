import QuoteCore

extension QuoteChecker {
    /// Checks every line `reader` yields with `jobs` workers, handing the report text to `output` in
    /// input order (batch by batch; CSV records with `csv`) and `(lines read, bytes consumed)` to `progress`. Returns the
    /// counts; the caller writes `summary.line` and exits with `summary.exitCode`.
    public func run(
        _ reader: any LineSource, jobs: Int, batchLines: Int = 512, csv: CSVFormat? = nil,
        output: @escaping (String) -> Void,
        progress: @escaping (Int, Int) -> Void = { _, _ in }
    ) -> CheckSummary {
        let box = SummaryBox()
        OrderedPipeline.run(
            jobs: jobs, next: { reader.next(maxLines: batchLines) },
            process: { batch in (self.check(batch, csv: csv), batch.bytesConsumed) },
            emit: { result, bytes in
                output(result.text)
                box.summary.add(result.summary)
                progress(box.summary.read, bytes)
            })
        return box.summary
    }
}

/// Counts shared with the pipeline's emit stage (which runs one call at a time).
final class SummaryBox {
    var summary = CheckSummary()
}
