import ArgumentParser
import Foundation
import QuoteFinance

extension InputFile {
    /// Runs `process` over every batch with `jobs` workers. In input order, each batch's output
    /// goes to `spool` (else straight to stdout), its invalid lines to stderr, and the result to
    /// `merge`; the progress line follows, cleared before a report line shares its terminal.
    /// `transform` rewrites each batch's output first (``StoreWording``). Returns how many lines
    /// were read and how many were invalid; throws when the source failed part-way (``throwIfCut()``).
    func runPipeline<Output: BatchOutput>(
        jobs: Int, spool: OutputSpool? = nil, transform: ((String) -> String)? = nil,
        process: @escaping (LineBatch) -> Output, merge: @escaping (Output) -> Void
    ) throws -> (lines: Int, invalid: Int) {
        var (lines, invalid) = (0, 0)
        OrderedPipeline.run(
            jobs: jobs, next: next, process: { batch in (process(batch), batch.bytesConsumed) },
            emit: { result, bytes in
                let output = transform.map { $0(result.output) } ?? result.output
                if let spool {
                    spool.write(output)
                } else if !output.isEmpty {
                    self.progress?.clear(beforeStdout: true)
                    StandardOutput.write(output)
                }
                if !result.invalid.isEmpty { self.progress?.clear(beforeStdout: false) }
                for message in result.invalid { FileHandle.standardError.write(Data((message + "\n").utf8)) }
                invalid += result.invalid.count
                lines += result.lines
                merge(result)
                self.progress?.update(rows: lines, bytes: bytes)
            })
        progress?.finish()
        try throwIfCut()
        return (lines, invalid)
    }

    /// Exit status 2 with `N of M lines invalid` on stderr when some lines were invalid.
    static func failIfInvalid(_ counts: (lines: Int, invalid: Int)) throws {
        guard counts.invalid > 0 else { return }
        FileHandle.standardError.write(
            Data("repairquote: \(counts.invalid) of \(counts.lines) lines invalid\n".utf8))
        throw ExitCode(2)
    }
}
