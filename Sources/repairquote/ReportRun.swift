import Foundation
import QuoteFinance

/// The text or CSV run of a report command (`reprice`) that writes nothing partial: the report
/// is held in an ``OutputSpool`` until the whole input was read, then written whole, or not at all
/// when a line was invalid (unless `--skip-invalid`). From the store, report lines name quotes.
enum ReportRun {
    static func run<Output: BatchOutput, Summary>(
        input: InputFile, jobs: Int, skipInvalid: Bool, head: String, totals: Summary,
        process: @escaping (LineBatch) -> Output, merge: @escaping (inout Summary, Output) -> Void,
        tail: (Summary) -> String
    ) throws {
        let spool = OutputSpool()
        spool.write(head)
        var totals = totals
        let transform: ((String) -> String)? = input.isStore ? { StoreWording.quoteLines($0) } : nil
        let counts = try input.runPipeline(
            jobs: jobs, spool: spool, transform: transform, process: process,
            merge: { (output: Output) in merge(&totals, output) })
        spool.write(tail(totals))
        try SkipInvalidOption.conclude(
            skipInvalid: skipInvalid, counts, input: input, discard: spool.discard, commit: spool.commit)
    }
}
