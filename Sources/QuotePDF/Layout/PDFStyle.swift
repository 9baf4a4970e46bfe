/// The fonts and measures of one PDF document: one family (the language's, from fonts.yaml) in
/// a few sizes, and the page's text column.
final class PDFStyle {
    let canvas: PDFCanvas
    let body: FontStyle
    let bold: FontStyle
    let small: FontStyle
    let smallBold: FontStyle
    let title: FontStyle
    let heading: FontStyle
    let subheading: FontStyle
    /// The text column: from `left`, `width` points wide.
    let left: Double
    let width: Double
    /// Grey of labels and secondary text (0 black … 1 white).
    let labelGrey = 0.35

    init(canvas: PDFCanvas, font: PDFFonts.Choice, pageWidth: Double, margin: Double) throws(PDFError) {
        self.canvas = canvas
        let family = font.family
        body = try FontStyle(family: family, size: 9, bold: false)
        bold = try FontStyle(family: family, size: 9, bold: font.bold)
        small = try FontStyle(family: family, size: 8, bold: false)
        smallBold = try FontStyle(family: family, size: 8, bold: font.bold)
        title = try FontStyle(family: family, size: 16, bold: font.bold)
        heading = try FontStyle(family: family, size: 12, bold: font.bold)
        subheading = try FontStyle(family: family, size: 10, bold: font.bold)
        left = margin
        width = pageWidth - 2 * margin
    }

    /// The width of `content` on one line (measured, not drawn).
    func measure(_ content: String, _ font: FontStyle) throws(PDFError) -> Double {
        if measuring == nil { measuring = try TextBlock("", font: font, on: canvas) }
        return measuring?.measure(content, font: font) ?? 0
    }

    /// The layout ``measure(_:_:)`` reuses.
    private var measuring: TextBlock?

    func text(_ text: String, _ font: FontStyle, width: Double? = nil) throws(PDFError) -> TextBlock {
        try TextBlock(text, font: font, on: canvas, width: width)
    }

    /// A paragraph across the text column, tagged `tag` (`P`, `H1`, `H2`, …).
    func paragraph(
        _ content: String, _ font: FontStyle, tag: String = "P", indent: Double = 0, grey: Double = 0,
        spaceBelow: Double = 2
    ) throws(PDFError) -> Piece {
        let block = try text(content, font, width: width - indent)
        let canvas = canvas
        let x = left + indent
        return Piece(height: block.height + spaceBelow) { (y) throws(PDFError) in
            try canvas.beginTag(tag)
            try canvas.draw(block, x: x, y: y, grey: grey)
            try canvas.endTag(tag)
        }
    }
}
