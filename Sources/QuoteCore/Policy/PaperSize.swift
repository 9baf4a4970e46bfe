/// The paper a market prints its documents on (`paper:` in market.yaml): A4 everywhere but where
/// US Letter is the norm.
public enum PaperSize: String, Sendable, CaseIterable {
    /// 210 × 297 mm.
    case a4
    /// 8.5 × 11 in.
    case letter

    /// Width and height in PDF points (1/72 in): A4 595.28 × 841.89, Letter 612 × 792.
    public var points: (width: Double, height: Double) {
        switch self {
        case .a4: (595.2756, 841.8898)
        case .letter: (612, 792)
        }
    }
}
