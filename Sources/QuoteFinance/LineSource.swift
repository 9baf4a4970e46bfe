/// Where the finance commands read their JSON lines from, a batch at a time: a file or standard
/// input (``LineReader``), or the service's store a page at a time (``PagedLineSource``).
public protocol LineSource: AnyObject {
    /// The next batch of up to `maxLines` lines (or about `maxBytes`), nil at the end of the input.
    func next(maxLines: Int, maxBytes: Int) -> LineBatch?
}

extension LineSource {
    public func next(maxLines: Int) -> LineBatch? { next(maxLines: maxLines, maxBytes: 16 << 20) }
}
