import ArgumentParser
import Foundation

extension InputFile {
    /// Where a streamed report (`check`) writes: stdout, after clearing the progress line when both
    /// share a terminal; text lines of the store's quotes name the quote (``StoreWording``).
    func reportOutput(text: Bool) -> (String) -> Void {
        let rewrite = text && isStore
        return { report in
            guard !report.isEmpty else { return }
            self.progress?.clear(beforeStdout: true)
            StandardOutput.write(rewrite ? StoreWording.quoteLines(report) : report)
        }
    }

    /// Exit 2 `no quotes in FILE` when not a single line was read.
    func failIfEmpty(read: Int) throws {
        guard read == 0 else { return }
        FileHandle.standardError.write(Data("repairquote: no quotes in \(displayName)\n".utf8))
        throw ExitCode(2)
    }
}
