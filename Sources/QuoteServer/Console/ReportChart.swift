/// A horizontal bar chart of a report block, drawn as inline SVG by the `chart` partial: the
/// geometry is worked out here in whole SVG units and the template only places it. Bars run
/// from the left edge, one row per category with its label above, at most two series (two
/// colours that pass 3:1 against each other and the white background, ``palette``); a value
/// below zero (a refund) is drawn by its size and labelled with its sign.
///
/// With a scale of 300 units, values 13900 and 2500 give bars 300 and 53 units long.
struct ReportChart {
    struct Category {
        var label: String
        /// The value of each series, and how it is written.
        var values: [(value: Int64, text: String)]
    }

    /// Navy and orange: 15.4:1 and 4.05:1 against white, 3.8:1 against each other.
    static let palette = ["#0b2545", "#cf5c00"]
    static let width = 400
    static let scale: Int64 = 300
    static let labelHeight = 18, barHeight = 14, barGap = 3, categoryGap = 10

    var id: String
    var title: String
    var description: String
    var series: [String]
    var categories: [Category]

    /// The template's values: `svgHeight`, `legend` (name, colour), `rows` (label, y, bars:
    /// x, y, width, colour, text, textX, textY).
    var view: [String: Any] {
        let largest = categories.flatMap { $0.values.map { $0.value.magnitude } }.max() ?? 0
        var y = 4
        var rows: [[String: Any]] = []
        for category in categories {
            var bars: [[String: Any]] = []
            let labelY = y + 13
            y += Self.labelHeight
            for (index, value) in category.values.enumerated() {
                let length = largest == 0 ? 0 : Int(value.value.magnitude * UInt64(Self.scale) / largest)
                bars.append([
                    "y": y, "height": Self.barHeight, "width": max(length, value.value == 0 ? 0 : 1),
                    "colour": Self.palette[index % Self.palette.count], "text": value.text,
                    "textX": max(length, 0) + 6, "textY": y + Self.barHeight - 3,
                ])
                y += Self.barHeight + Self.barGap
            }
            rows.append(["label": category.label, "labelY": labelY, "bars": bars])
            y += Self.categoryGap
        }
        return [
            "id": id, "title": title, "desc": description, "svgWidth": Self.width, "svgHeight": max(y, 24),
            "rows": rows,
            "legend": series.enumerated().map {
                ["name": $1, "colour": Self.palette[$0 % Self.palette.count]]
            },
            "empty": categories.isEmpty,
        ]
    }
}
