import CPangoCairo

/// A PDF document drawn with Cairo into memory. Each call that can fail checks the context's
/// status and throws ``PDFError/cairo(doing:status:)``; ``finish()`` returns the bytes.
///
/// Cairo writes the file through a callback; ``ByteSink`` collects it, so nothing touches the
/// file system and a render is a pure function of its input (with fixed dates, see
/// ``setMetadata(_:_:)``).
final class PDFCanvas {
    /// The PDF file as Cairo writes it.
    final class ByteSink {
        var bytes: [UInt8] = []
    }

    let surface: OpaquePointer
    let context: OpaquePointer
    /// The Pango context of every text laid out for this canvas: made once, since a context per
    /// layout (`pango_cairo_create_layout`) costs a font-map look-up each time.
    let textContext: OpaquePointer
    private let sink = ByteSink()
    private var finished = false

    /// A PDF whose pages are `width` × `height` points.
    init(width: Double, height: Double) throws(PDFError) {
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        let opaqueSink = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_pdf_surface_create_for_stream(write, opaqueSink, width, height) else {
            throw .cairo(doing: "creating the PDF surface", status: "out of memory")
        }
        self.surface = surface
        try Self.check(cairo_surface_status(surface), "creating the PDF surface")
        guard let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw .cairo(doing: "creating the drawing context", status: "out of memory")
        }
        self.context = context
        guard let textContext = pango_cairo_create_context(context) else {
            cairo_destroy(context)
            cairo_surface_destroy(surface)
            throw .cairo(doing: "creating the text context", status: "out of memory")
        }
        self.textContext = textContext
        try check("creating the drawing context")
    }

    deinit {
        rq_context_free(textContext)
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Sets an entry of the document information dictionary. Dates are ISO 8601
    /// (`2026-03-02T00:00:00Z`); setting both dates keeps Cairo from writing the time of the render.
    func setMetadata(_ key: cairo_pdf_metadata_t, _ value: String) throws(PDFError) {
        cairo_pdf_surface_set_metadata(surface, key, value)
        try Self.check(cairo_surface_status(surface), "setting the document's metadata")
    }

    /// Ends the current page and starts the next.
    func showPage() throws(PDFError) {
        cairo_show_page(context)
        try check("ending a page")
    }

    /// Fills a rectangle in a grey of `level` (0 black … 1 white).
    func fill(x: Double, y: Double, width: Double, height: Double, grey level: Double) throws(PDFError) {
        cairo_set_source_rgb(context, level, level, level)
        cairo_rectangle(context, x, y, width, height)
        cairo_fill(context)
        try check("filling a rectangle")
    }

    /// A horizontal rule from `x` to `x + width` at `y`.
    func rule(x: Double, y: Double, width: Double, lineWidth: Double = 0.5, grey level: Double = 0.4)
        throws(PDFError)
    {
        cairo_set_source_rgb(context, level, level, level)
        cairo_set_line_width(context, lineWidth)
        cairo_move_to(context, x, y)
        cairo_line_to(context, x + width, y)
        cairo_stroke(context)
        try check("drawing a rule")
    }

    /// Draws a laid-out text with its top-left corner at (`x`, `y`).
    func draw(_ text: TextBlock, x: Double, y: Double, grey level: Double = 0) throws(PDFError) {
        cairo_set_source_rgb(context, level, level, level)
        cairo_move_to(context, x, y)
        pango_cairo_show_layout(context, text.layout)
        try check("drawing text")
    }

    /// Opens a structure tag (`H1`, `P`, `Table`, `TR`, `TD`, `Link`) of the tagged PDF.
    func beginTag(_ name: String, attributes: String = "") throws(PDFError) {
        cairo_tag_begin(context, name, attributes)
        try check("opening the tag \(name)")
    }

    func endTag(_ name: String) throws(PDFError) {
        cairo_tag_end(context, name)
        try check("closing the tag \(name)")
    }

    /// Writes the document's last page and trailer and returns the PDF.
    func finish() throws(PDFError) -> [UInt8] {
        guard !finished else { return sink.bytes }
        finished = true
        cairo_surface_finish(surface)
        try Self.check(cairo_surface_status(surface), "writing the PDF")
        return sink.bytes
    }

    private func check(_ doing: @autoclosure () -> String) throws(PDFError) {
        try Self.check(cairo_status(context), doing())
    }

    static func check(_ status: cairo_status_t, _ doing: @autoclosure () -> String) throws(PDFError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw .cairo(doing: doing(), status: String(cString: cairo_status_to_string(status)))
    }
}
