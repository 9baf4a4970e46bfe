import Foundation
import QuoteRendering
import Testing

/// Runs `scripts/check_html.py` (html5lib) on rendered documents.
enum HTMLCheck {
    static let script = Support.packageRoot.appendingPathComponent("scripts/check_html.py").path

    static func check(_ documents: [(name: String, html: String)]) throws -> (status: Int32, output: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for document in documents {
            let file = directory.appendingPathComponent(document.name)
            try document.html.write(to: file, atomically: true, encoding: .utf8)
            paths.append(file.path)
        }
        let result = try Support.run("python3", [script] + paths)
        if result.status == 3 || result.status == 127 {
            Issue.record(
                "python3 with html5lib is needed: run scripts/setup.sh (python3 -m pip install html5lib). \(result.output)"
            )
        }
        return result
    }
}

@Suite("HTML is one valid, self-contained, printable document")
struct HTMLValidityTests {
    @Test("every rendered document parses without errors in html5lib")
    func parsesInHTML5Lib() throws {
        let documents = try SnapshotCase.all.filter { $0.format == .html }.map {
            ($0.fileName, try $0.render())
        }
        let result = try HTMLCheck.check(documents)
        #expect(result.status == 0, "check_html.py found problems:\n\(result.output)")
    }

    @Test("the checker itself rejects a broken document")
    func checkerRejectsBrokenHTML() throws {
        let broken =
            "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p><b>x</p></body></html>"
        let result = try HTMLCheck.check([("broken.html", broken)])
        #expect(result.status == 1)
        #expect(result.output.contains("unexpected-end-tag"))
    }

    @Test("lang, title, table headers, A4 print stylesheet, no external resources")
    func documentShape() throws {
        let html = try Support.render(QuoteFixture.hkOutOfWarranty, .html, language: "zh-Hant")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-Hant\">"))
        #expect(html.contains("<title>維修報價單 草稿</title>"))
        #expect(html.contains("<th scope=\"col\">項目</th>"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("@media print"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }
}
