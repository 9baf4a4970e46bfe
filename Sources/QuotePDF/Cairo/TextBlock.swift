import CPangoCairo

/// One piece of text laid out by Pango for a canvas: shaped in its font (Traditional Chinese
/// included), wrapped at word (or, for CJK, character) boundaries to `width`, and measured.
final class TextBlock {
    enum Alignment { case left, right }

    let layout: OpaquePointer
    /// The laid-out size in points.
    let width: Double
    let height: Double

    /// `width`: wrap at this many points (nil: one line as long as the text).
    init(
        _ text: String, font: FontStyle, on canvas: PDFCanvas, width: Double? = nil,
        alignment: Alignment = .left
    ) throws(PDFError) {
        guard let layout = pango_layout_new(canvas.textContext) else {
            throw .cairo(doing: "creating a text layout", status: "out of memory")
        }
        self.layout = layout
        pango_layout_set_font_description(layout, font.description)
        if let width {
            pango_layout_set_width(layout, Int32(width * Double(rq_pango_scale())))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        if alignment == .right { pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT) }
        pango_layout_set_text(layout, text, -1)
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(rq_pango_scale())
        self.width = width ?? Double(logical.width) / scale
        self.height = Double(logical.height) / scale
    }

    deinit { rq_layout_free(layout) }

    /// The width of `text` on one line in `font`, measured in this block's layout (which then
    /// holds `text`): a column's widest cell is found with one layout instead of one per cell.
    func measure(_ text: String, font: FontStyle) -> Double {
        pango_layout_set_font_description(layout, font.description)
        pango_layout_set_text(layout, text, -1)
        return naturalWidth
    }

    /// The natural width of the text on one line, in points.
    var naturalWidth: Double {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return Double(logical.width) / Double(rq_pango_scale())
    }
}

/// A Pango font description (family, size, weight), made once per render and freed with it.
final class FontStyle {
    let description: OpaquePointer
    let size: Double

    /// `family` at `size` points; `bold` only when the family has a bold face (synthetic bold
    /// would be drawn as a Type 3 font).
    init(family: String, size: Double, bold: Bool) throws(PDFError) {
        guard let description = pango_font_description_new() else {
            throw .cairo(doing: "creating a font description", status: "out of memory")
        }
        self.description = description
        self.size = size
        pango_font_description_set_family(description, family)
        pango_font_description_set_absolute_size(description, size * Double(rq_pango_scale()))
        pango_font_description_set_weight(description, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
    }

    deinit { pango_font_description_free(description) }
}
