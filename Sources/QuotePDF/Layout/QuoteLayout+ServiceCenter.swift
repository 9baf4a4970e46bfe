import QuoteRendering

extension QuoteLayout {
    /// The service center under the title, as the HTML header shows it: the name and address on
    /// the left, phone, e-mail and the registration line beside them, in the facts' two columns.
    /// Nil when the market names no service center.
    func serviceCenterPiece() throws(PDFError) -> Piece? {
        guard let center = document.serviceCenter else { return nil }
        let gutter = 18.0
        let column = (style.width - gutter) / 2
        let name = try style.text(center.name, style.bold, width: column)
        let address = try style.text(center.address.joined(separator: "\n"), style.small, width: column)
        let contacts = center.contacts.map { $0.label + label("colon") + $0.value }
        let right = try style.text(
            (contacts + (center.registration.map { [$0] } ?? [])).joined(separator: "\n"), style.small,
            width: column)
        let (canvas, x, grey) = (style.canvas, style.left, style.labelGrey)
        return Piece(height: max(name.height + address.height, right.height) + 8) { (y) throws(PDFError) in
            try canvas.beginTag("P")
            try canvas.draw(name, x: x, y: y)
            try canvas.draw(address, x: x, y: y + name.height, grey: grey)
            try canvas.endTag("P")
            try canvas.beginTag("P")
            try canvas.draw(right, x: x + column + gutter, y: y + 1, grey: grey)
            try canvas.endTag("P")
        }
    }
}
