import ArgumentParser
import Foundation
import QuoteFinance

/// A JSON-lines input (a path or `-` for standard input, or the service's store through
/// ``StoreInput``) read in batches, with progress on stderr when stderr is a terminal.
final class InputFile {
    let path: String
    let reader: any LineSource
    let progress: ProgressMeter?
    /// Whether the lines come from the service's store (reports then count quotes, not lines).
    let isStore: Bool
    /// Set to stop reading: ``next()`` then says the input ended (a workbook that is full).
    var stopped = false
    private let fd: Int32?

    init(_ path: String) throws {
        self.path = path
        isStore = false
        let fd: Int32
        if path == "-" {
            fd = 0
        } else {
            fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                throw CLIError.badInput("\(path): cannot be read (\(String(cString: strerror(errno))))")
            }
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CLIError.badInput("\(path): cannot be read (a folder, not a file)")
        }
        let size = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        self.fd = fd
        reader = LineReader(fileDescriptor: fd)
        progress = isatty(2) == 1 ? ProgressMeter(totalBytes: size) : nil
    }

    /// Reads the lines of `source` (the store's pages), named `name` in messages.
    init(source: any LineSource, name: String, isStore: Bool = true) {
        self.path = name
        self.isStore = isStore
        fd = nil
        reader = source
        progress = nil
    }

    deinit { if let fd, fd > 0 { close(fd) } }

    /// The next batch of lines, nil at the end.
    func next() -> LineBatch? { stopped ? nil : reader.next(maxLines: 512) }

    /// Throws when the input ended early because its source failed (the store went away part-way):
    /// what was read is not the whole input, so the command must not report as if it were.
    func throwIfCut() throws {
        if let failure = (reader as? PagedLineSource)?.failure {
            throw CLIError.badInput("\(path): the store's quotes could not all be read: \(failure)")
        }
    }
}

/// `12,345 rows, 48,000 rows/s, 40% , ETA 12s` on one rewritten stderr line.
final class ProgressMeter {
    let totalBytes: Int?
    let start = Date()
    private var lastShown = Date.distantPast
    private var shown = false
    /// Whether stdout is the terminal the progress line is on.
    private let sharesTerminal = isatty(1) == 1

    init(totalBytes: Int?) { self.totalBytes = totalBytes }

    func update(rows: Int, bytes: Int) {
        let now = Date()
        guard now.timeIntervalSince(lastShown) >= 0.5 else { return }
        lastShown = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        var text = "\r\(rows) rows, \(Int(Double(rows) / elapsed)) rows/s"
        if let totalBytes, totalBytes > 0, bytes > 0 {
            let remaining = elapsed * Double(totalBytes - bytes) / Double(bytes)
            text += ", \(bytes * 100 / totalBytes)%, ETA \(Int(remaining))s"
        }
        FileHandle.standardError.write(Data((text + "   ").utf8))
        shown = true
    }

    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }

    /// Clears the progress line before a report line goes to stderr, or to stdout when that is the
    /// same terminal, so the two never share a line; the next update draws it again.
    func clear(beforeStdout: Bool) {
        guard shown, !beforeStdout || sharesTerminal else { return }
        shown = false
        lastShown = .distantPast
        finish()
    }
}

/// Buffered standard output (one write per batch, not per line).
enum StandardOutput {
    static func write(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// `--jobs N`, shared by the finance commands.
struct JobsOption: ParsableArguments {
    @Option(
        name: .customLong("jobs"),
        help: ArgumentHelp(
            "Worker threads, 1 to 256 (default: the number of active processors).", valueName: "N"))
    var count: Int?

    /// The worker threads asked for, else one per active processor.
    var jobs: Int { count ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs must be from 1 to 256") }
    }
}
