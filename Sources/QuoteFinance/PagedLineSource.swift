/// Lines that arrive in pages (the store's export, a page of quotes per query), handed out in
/// batches like a file's: numbered from 1, each batch one buffer. It is pulled by the reading
/// stage of the pipeline, so no thread or pipe sits between the store and the workers, and memory
/// holds one page and one batch.
///
/// `nextPage` gives the next page of lines (each may end with its line break), nil or an empty
/// page at the end. When it throws, the input ends there and ``failure`` holds the error: the
/// caller must report it, because the lines read so far are not the whole input. `finish` runs
/// once, when the pages end, fail, or the source is released unread (closing the store).
public final class PagedLineSource: LineSource {
    private let nextPage: () throws -> [String]?
    private var finish: (() -> Void)?
    private var pending: [String] = []
    private var position = 0
    private var ended = false
    private var nextNumber = 1
    private var consumed = 0
    /// The error that ended the pages early, if one did.
    public private(set) var failure: (any Error)?

    public init(nextPage: @escaping () throws -> [String]?, finish: (() -> Void)? = nil) {
        self.nextPage = nextPage
        self.finish = finish
    }

    deinit { finish?() }

    public func next(maxLines: Int, maxBytes: Int) -> LineBatch? {
        var buffer: [UInt8] = []
        var lines: [InputLine] = []
        while lines.count < maxLines, buffer.count < maxBytes, refill() {
            let line = pending[position]
            position += 1
            let start = buffer.count
            buffer.append(contentsOf: line.utf8)
            var end = buffer.count
            if end > start, buffer[end - 1] == 10 { end -= 1 }
            if end > start, buffer[end - 1] == 13 { end -= 1 }
            lines.append(InputLine(number: nextNumber, range: start..<end, overlong: false))
            nextNumber += 1
        }
        guard !lines.isEmpty else { return nil }
        consumed += buffer.count
        return LineBatch(buffer: buffer, lines: lines, bytesConsumed: consumed)
    }

    /// Whether a line is waiting, fetching the next page when the last one is used up.
    private func refill() -> Bool {
        if position < pending.count { return true }
        guard !ended else { return false }
        pending = []
        position = 0
        do {
            if let page = try nextPage(), !page.isEmpty {
                pending = page
                return true
            }
        } catch {
            failure = error
        }
        ended = true
        finish?()
        finish = nil
        return false
    }
}
