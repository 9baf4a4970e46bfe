import Foundation
import Testing

/// `quote --lang` keeps a document in one language (issue 23, item 3): a language the market does
/// not list is bad input (exit 2, nothing on stdout, the market's languages named); notes are in
/// the document's language.
@Suite("The repairquote command: document languages")
struct DocumentLanguageCommandTests {
    @Test("a BE quote in es and a PK quote in nl exit 2 naming the market's languages")
    func unlistedLanguage() throws {
        for (example, language, listed) in [
            ("Examples/be-out-of-warranty.json", "es", "nl, fr, en"),
            ("Examples/pk-free-labor.json", "nl", "en"),
        ] {
            for format in ["text", "html"] {
                let result = try CommandLineTests.run([
                    "quote", example, "--format", format, "--lang", language,
                ])
                #expect(result.status == 2, "\(example) \(format)")
                #expect(result.out.isEmpty)
                #expect(
                    result.err.contains(
                        "language \"\(language)\" is not one of the market's languages (\(listed))"),
                    "\(result.err)")
            }
        }
        let listed = try CommandLineTests.run([
            "quote", "Examples/be-out-of-warranty.json", "--format", "html", "--lang", "fr",
        ])
        #expect(listed.status == 0)
        #expect(listed.out.contains("<html lang=\"fr\">"))
    }

    @Test("the HK end-of-service note is Chinese in a Chinese document and English in the JSON")
    func endOfServiceNote() throws {
        let text = try CommandLineTests.run(["quote", "Examples/hk-end-of-service.json", "--format", "text"])
        #expect(text.status == 0)
        #expect(text.out.contains("Mi 11的服務已於2025年8月29日後終止"))
        #expect(!text.out.contains("Service for Mi 11"))
        let json = try CommandLineTests.run(["quote", "Examples/hk-end-of-service.json"])
        #expect(json.status == 0)
        #expect(
            json.out.contains(
                "\"Service for Mi 11 ended after 2025-08-29: inspection, adjustment and cleaning only.\""))
        #expect(json.out.contains("\"code\": \"end-of-service\""))
    }
}
