import Testing

@testable import QuoteFinance

@Suite("the store's pages read as lines (PagedLineSource)")
struct PagedLineSourceTests {
    /// A source over `pages`, then nil; `failAt` throws instead of giving that page.
    final class Pages {
        var pages: [[String]]
        var asked = 0
        var finished = 0
        let failAt: Int?

        init(_ pages: [[String]], failAt: Int? = nil) {
            self.pages = pages
            self.failAt = failAt
        }

        func source() -> PagedLineSource {
            PagedLineSource(
                nextPage: {
                    defer { self.asked += 1 }
                    if self.asked == self.failAt { throw Cut() }
                    return self.asked < self.pages.count ? self.pages[self.asked] : nil
                }, finish: { self.finished += 1 })
        }
    }

    struct Cut: Error {}

    static func texts(_ batch: LineBatch) -> [String] {
        batch.lines.map { String(decoding: batch.buffer[$0.range], as: UTF8.self) }
    }

    @Test("batches cross pages; lines are numbered from 1 and lose their line break; finish runs once")
    func batchesAcrossPages() {
        let pages = Pages([["{\"a\":1}\n", "{\"b\":2}\r\n"], ["{\"c\":3}\n"], ["{\"d\":4}"]])
        let source = pages.source()
        let first = source.next(maxLines: 3)!
        #expect(Self.texts(first) == [#"{"a":1}"#, #"{"b":2}"#, #"{"c":3}"#])
        #expect(first.lines.map(\.number) == [1, 2, 3])
        #expect(first.bytesConsumed == first.buffer.count)
        let second = source.next(maxLines: 3)!
        #expect(Self.texts(second) == [#"{"d":4}"#])
        #expect(second.lines.map(\.number) == [4])
        #expect(!second.lines[0].unterminated)
        #expect(source.next(maxLines: 3) == nil)
        #expect(source.next(maxLines: 3) == nil)
        #expect(pages.finished == 1)
        #expect(pages.asked == 4)
        #expect(source.failure == nil)
    }

    @Test("a page that fails ends the input there, keeps the error and finishes; later calls ask nothing")
    func failure() {
        let pages = Pages([["1\n", "2\n"], ["3\n"]], failAt: 1)
        let source = pages.source()
        #expect(Self.texts(source.next(maxLines: 10)!) == ["1", "2"])
        #expect(source.failure is Cut)
        #expect(source.next(maxLines: 10) == nil)
        #expect(pages.asked == 2)
        #expect(pages.finished == 1)
    }

    @Test("an empty first page is an empty input; a source released unread still finishes")
    func emptyAndReleased() {
        let empty = Pages([[]])
        #expect(empty.source().next(maxLines: 10) == nil)
        #expect(empty.finished == 1)
        let unread = Pages([["1\n"]])
        do { _ = unread.source() }
        #expect(unread.finished == 1)
        #expect(unread.asked == 0)
    }

    @Test("maxBytes closes a batch early, never before its first line")
    func maxBytes() {
        let source = Pages([["aaaa\n", "bbbb\n", "cccc\n"]]).source()
        #expect(Self.texts(source.next(maxLines: 10, maxBytes: 6)!) == ["aaaa", "bbbb"])
        #expect(Self.texts(source.next(maxLines: 10, maxBytes: 1)!) == ["cccc"])
    }
}
