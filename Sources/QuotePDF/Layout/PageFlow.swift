/// Something of a known height drawn at a vertical position of a page.
struct Piece {
    var height: Double
    /// Draws it with its top at `y`.
    var draw: (_ y: Double) throws(PDFError) -> Void
}

/// The document as a column of pieces, before it is cut into pages.
enum FlowItem {
    /// A piece; with `keepWithNext` (headings, captions, column headers) it goes to the next page
    /// rather than end a page alone.
    case piece(Piece, keepWithNext: Bool)
    /// A table row: a row that starts a new page repeats the table's `header` above it.
    case row(Piece, header: Piece)
    /// Vertical space, dropped at the top of a page.
    case gap(Double)
    /// A structure tag of the tagged PDF opened or closed between pieces (`Table`, `Sect`).
    case beginTag(String)
    case endTag(String)

    var height: Double {
        switch self {
        case .piece(let piece, _), .row(let piece, _): piece.height
        case .gap(let height): height
        case .beginTag, .endTag: 0
        }
    }
}

/// Cuts a column of ``FlowItem``s into pages between `top` and `bottom` (points from the page's
/// top edge). Pieces are never split; a row moves whole to the next page, under its table's header.
struct PageFlow {
    enum Placement {
        case piece(Piece, y: Double)
        case beginTag(String)
        case endTag(String)
    }

    let top: Double
    let bottom: Double

    func paginate(_ items: [FlowItem]) -> [[Placement]] {
        var pages: [[Placement]] = [[]]
        var y = top
        func newPage() {
            pages.append([])
            y = top
        }
        func place(_ piece: Piece) {
            pages[pages.count - 1].append(.piece(piece, y: y))
            y += piece.height
        }
        for (index, item) in items.enumerated() {
            switch item {
            case .gap(let height):
                if y > top { y = min(y + height, bottom) }
            case .beginTag(let name): pages[pages.count - 1].append(.beginTag(name))
            case .endTag(let name): pages[pages.count - 1].append(.endTag(name))
            case .piece(let piece, let keepWithNext):
                let needed =
                    keepWithNext ? piece.height + heightKeptWith(after: index, in: items) : piece.height
                if y + needed > bottom, y > top { newPage() }
                place(piece)
            case .row(let piece, let header):
                if y + piece.height > bottom, y > top {
                    newPage()
                    place(header)
                }
                place(piece)
            }
        }
        return pages
    }

    /// The height of the items after `index` that must share its page: the following
    /// keep-with-next pieces and the first piece or row after them.
    private func heightKeptWith(after index: Int, in items: [FlowItem]) -> Double {
        var height = 0.0
        for item in items[(index + 1)...] {
            switch item {
            case .gap(let gap): height += gap
            case .beginTag, .endTag: continue
            case .piece(let piece, let keepWithNext):
                height += piece.height
                if !keepWithNext { return height }
            case .row(let piece, _): return height + piece.height
            }
        }
        return height
    }
}
