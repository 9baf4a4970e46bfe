import CXlsxWriter
import QuoteFinance

extension Workbook {
    /// The rows a table's block takes at least: a chart is 15 rows high, and two rows between.
    static let chartBlockRows = 17
    /// The column of the charts, right of the widest table (a category and three payers).
    static let chartColumn: lxw_col_t = 5
    /// Blocks on one printed landscape page (three of 17 rows fit; LibreOffice shows 3.5).
    static let blocksPerPage = 3

    /// Adds a sheet `name` holding each table (its title, a header, a row per category) with its
    /// column chart beside it, the series referring to the table's cells; without tables, one
    /// line saying there is nothing to chart. It prints landscape, one page wide.
    public func addChartsSheet(_ tables: [ChartTable], name: String = "Charts") throws(SpreadsheetError) {
        guard let handle, let sheet = workbook_add_worksheet(handle, name) else {
            throw SpreadsheetError(file: path, "cannot add the sheet \"\(name)\"")
        }
        let worksheet = Worksheet(sheet, in: self, columns: 0)
        try check(worksheet_set_column(sheet, 0, 0, 12, nil), "column width")
        try check(worksheet_set_column(sheet, 1, Self.chartColumn - 2, 18, nil), "column width")
        worksheet_set_landscape(sheet)
        worksheet_fit_to_pages(sheet, 1, 0)
        guard !tables.isEmpty else {
            return try worksheet.append([.text("No decided amounts in the summary: nothing to chart.")])
        }
        var pageBreaks: [lxw_row_t] = []
        for (index, table) in tables.enumerated() {
            let top = worksheet.row
            if index > 0, index % Self.blocksPerPage == 0 { pageBreaks.append(top) }
            try worksheet.append([.text(table.title)], format: boldFormat)
            try worksheet.append(
                ([table.categoryHeader] + table.series).map(SpreadsheetCell.text), format: boldFormat)
            for row in table.rows { try worksheet.append([row.category], formulas: row.values) }
            try insertChart(table, on: sheet, named: name, top: top)
            worksheet.skip(to: top + UInt32(max(table.rows.count + 4, Self.chartBlockRows)))
        }
        // A printed page ends between blocks, never across a chart (the list ends with 0).
        pageBreaks.append(0)
        try check(worksheet_set_h_pagebreaks(sheet, &pageBreaks), "page breaks")
    }

    /// A clustered column chart of `table` written at row `top`: categories from column A, a
    /// series per further column, named by the header cell, with the title as its alt text.
    private func insertChart(
        _ table: ChartTable, on sheet: UnsafeMutablePointer<lxw_worksheet>, named name: String, top: UInt32
    ) throws(SpreadsheetError) {
        guard let handle, let chart = workbook_add_chart(handle, UInt8(LXW_CHART_COLUMN.rawValue)) else {
            throw SpreadsheetError(file: path, "cannot add the chart \"\(table.title)\"")
        }
        chart_title_set_name(chart, table.title)
        var titleFont = lxw_chart_font()
        (titleFont.size, titleFont.bold) = (11, 1)
        chart_title_set_name_font(chart, &titleFont)
        chart_axis_set_name(chart.pointee.x_axis, table.categoryHeader)
        chart_axis_set_name(chart.pointee.y_axis, table.valueAxis)
        chart_axis_set_num_format(chart.pointee.y_axis, "#,##0")
        // Below the bars of a refund too, not across them.
        chart_axis_set_label_position(chart.pointee.x_axis, UInt8(LXW_CHART_AXIS_LABEL_POSITION_LOW.rawValue))
        if case .month? = table.rows.first?.category {
            chart_axis_set_num_format(chart.pointee.x_axis, "yyyy-mm")
        }
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        let (header, first) = (top + 1, top + 2)
        let last = first + UInt32(max(table.rows.count, 1)) - 1
        for column in 1...max(table.series.count, 1) {
            guard let series = chart_add_series(chart, nil, nil) else {
                throw SpreadsheetError(file: path, "cannot add a series to \"\(table.title)\"")
            }
            let at = lxw_col_t(column)
            chart_series_set_categories(series, name, first, 0, last, 0)
            chart_series_set_values(series, name, first, at, last, at)
            chart_series_set_name_range(series, name, header, at)
        }
        // The alt text is copied by libxlsxwriter before the call returns.
        let inserted = table.title.withCString { title in
            var options = lxw_chart_options(
                x_offset: 0, y_offset: 0, x_scale: 1.25, y_scale: 1, object_position: 0,
                description: UnsafeMutablePointer(mutating: title), decorative: 0)
            return worksheet_insert_chart_opt(sheet, top, Self.chartColumn, chart, &options)
        }
        try check(inserted, "chart \"\(table.title)\"")
    }
}
