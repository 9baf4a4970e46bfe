import GRDB

extension SQLiteQuoteRepository {
    /// Every issued quote as a JSON line `{"case": …, "quote": …}`, in market and number order: the
    /// input of `repairquote check` and `export`. Rows are read with a cursor, one at a time, so
    /// memory stays flat whatever the size of the store. Call it from a thread of its own.
    public func writeJSONLines(_ write: (String) throws -> Void) throws {
        try writer.read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT case_json, quote_json FROM quotes ORDER BY market, number")
            while let row = try rows.next() {
                let caseJSON: String = row["case_json"]
                let quoteJSON: String = row["quote_json"]
                try write("{\"case\":\(caseJSON),\"quote\":\(quoteJSON)}\n")
            }
        }
    }
}
