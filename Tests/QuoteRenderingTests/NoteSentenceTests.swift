import Foundation
import QuoteCore
import Testing

@testable import QuoteRendering

/// The engine's notes are codes with parameters, said in the document's language (issue 23,
/// item 3): every code and every failed return condition has a sentence in every language, dates
/// in the language's format, vocabulary by its label.
@Suite("Engine notes in the document's language")
struct NoteSentenceTests {
    static let reasons: [ReturnFailure] = [
        .channel(allowed: [.miCom, .retailer]), .notApplicable(category: .tv, item: .panel),
        .raisedVia(allowed: [.callCenter, .pointOfSale], via: .serviceCenter),
        .windowEnded(CivilDate("2026-01-15")!), .noProofOfPurchase, .notOfficial, .notFirstOwner,
        .finding(.liquidDamage), .noSwapUnit, .noDefect,
    ]

    /// One note of every code, and every failed condition inside a claim quoted as a repair.
    static let samples: [Note] =
        [
            .unlistedModel(model: "Redmi 15C", market: MarketCode("NL"), category: .powerBank),
            .endOfService(model: "Mi 11", after: CivilDate("2025-08-29")!),
            .noReturnPolicy(market: MarketCode("PK"), kind: .remorse),
            .returnNotAccepted(kind: .doa, reason: .windowEnded(CivilDate("2026-01-15")!)),
            .returnRefused(finding: .crackedScreen),
            .swapUnitNotPriced(market: MarketCode("HK"), model: "Xiaomi 14T"),
            .promotionNotStarted(rule: "PK-1", starts: CivilDate("2026-04-01")!),
            .benefitUsed(rule: "PK-3"),
            .benefitUsedOnQuote(rule: "PK-4", quote: "PK-2026-000004"),
        ] + reasons.map { .claimQuotedAsRepair(kind: .remorse, reason: $0) }

    static func locale(_ language: String) throws -> LocaleFormat {
        try LocaleFormat(labels: Support.renderer.catalog.require(language))
    }

    @Test("the samples hold every note code and every failed return condition")
    func samplesCoverEveryCode() {
        #expect(Set(Self.samples.map(\.code)) == Set(Note.Code.allCases))
        #expect(Set(Self.reasons.map(\.code)) == Set(ReturnFailure.Code.allCases))
    }

    @Test("every code has a sentence in en, es, fr, nl and zh-Hant; every placeholder is filled")
    func everyCodeInEveryLanguage() throws {
        #expect(Support.renderer.languages == ["en", "es", "fr", "nl", "zh-Hant"])
        for language in Support.renderer.languages {
            let labels = try Support.renderer.catalog.require(language)
            for key in NoteSentences.labelKeys {
                #expect(labels.entries[key]?.isEmpty == false, "\(language) lacks \(key)")
            }
            let locale = try Self.locale(language)
            for note in Self.samples {
                let text = try NoteSentences.text(note, locale: locale)
                #expect(!text.contains("{") && !text.contains("}"), "\(language): \(text)")
                if language != "en" { #expect(text != note.text, "\(language) is English: \(text)") }
            }
        }
    }

    @Test("a label file without a note's sentence does not load, naming the key and the language")
    func missingSentenceFailsLoading() throws {
        let copy = try Support.templatesCopy()
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent("labels/zh-Hant.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"end-of-service\":"))
        try text.replacingOccurrences(of: "\"end-of-service\":", with: "\"end-of-servic\":").write(
            to: file, atomically: true, encoding: .utf8)
        #expect(throws: RenderError.missingLabel(key: "note.end-of-service", language: "zh-Hant")) {
            try QuoteRenderer(templatesDirectory: copy)
        }
    }

    @Test("the English labels are the JSON's sentences, so documents and JSON say the same")
    func englishLabelsAreTheJSONSentences() throws {
        let labels = try Support.renderer.catalog.require("en")
        for code in Note.Code.allCases { #expect(labels.entries["note.\(code.rawValue)"] == code.english) }
        for code in ReturnFailure.Code.allCases {
            #expect(labels.entries["returnReason.\(code.rawValue)"] == code.english)
        }
    }

    @Test(
        "the end of service, a failed return and a used benefit in each language, dates in its format",
        arguments: [
            (
                "en",
                "Service for Mi 11 ended after August 29, 2025: inspection, adjustment and cleaning only.",
                "The dead-on-arrival return is not accepted: the window ended on January 15, 2026.",
                "The one-time benefit PK-4 was already used for this device on quote PK-2026-000004."
            ),
            (
                "nl",
                "De service voor Mi 11 is beëindigd na 29 augustus 2025: alleen onderzoek, afstelling en reiniging.",
                "De DOA-retour (defect bij aankomst) wordt niet aanvaard: de termijn liep af op 15 januari 2026.",
                "Het eenmalige voordeel PK-4 is voor dit toestel al gebruikt, op offerte PK-2026-000004."
            ),
            (
                "fr",
                "Le service pour Mi 11 a pris fin après le 29 août 2025\u{202F}: inspection, réglage et nettoyage uniquement.",
                "Le retour DOA (appareil défectueux à la livraison) n’est pas accepté\u{202F}: le délai a expiré le 15 janvier 2026.",
                "L’avantage unique PK-4 a déjà été utilisé pour cet appareil, sur le devis PK-2026-000004."
            ),
            (
                "es",
                "El servicio para Mi 11 terminó después del 29 de agosto de 2025: solo revisión, ajuste y limpieza.",
                "La devolución DOA (defectuoso a la llegada) no se acepta: el plazo terminó el 15 de enero de 2026.",
                "La ventaja única PK-4 ya se utilizó para este dispositivo en el presupuesto PK-2026-000004."
            ),
            (
                "zh-Hant", "Mi 11的服務已於2025年8月29日後終止：只提供檢測、調校及清潔。",
                "到貨即壞退貨不獲接納：期限已於2026年1月15日屆滿。", "此裝置已於報價單PK-2026-000004使用過一次性優惠PK-4。"
            ),
        ])
    func sentences(language: String, endOfService: String, returnFailed: String, benefit: String) throws {
        let locale = try Self.locale(language)
        #expect(try NoteSentences.text(Self.samples[1], locale: locale) == endOfService)
        #expect(try NoteSentences.text(Self.samples[3], locale: locale) == returnFailed)
        #expect(try NoteSentences.text(Self.samples[8], locale: locale) == benefit)
    }

    @Test("lists and vocabulary come from the labels: the channels of a claim quoted as a repair")
    func listsAndVocabulary() throws {
        let note = Note.claimQuotedAsRepair(
            kind: .remorse, reason: .raisedVia(allowed: [.callCenter, .pointOfSale], via: .serviceCenter))
        #expect(
            note.text
                == "The remorse claim is not accepted (it must be raised via call-center or point-of-sale, not service-center): the case is quoted as a repair."
        )
        #expect(
            try NoteSentences.text(note, locale: try Self.locale("nl"))
                == "De aanvraag voor een retour binnen de bedenktijd wordt niet aanvaard (de aanvraag moet via het callcenter of het verkooppunt worden ingediend, niet via het servicecentrum): de zaak wordt als reparatie geoffreerd."
        )
        #expect(
            try NoteSentences.text(note, locale: try Self.locale("zh-Hant"))
                == "無理由退貨申請不獲接納（必須經客戶服務熱線或銷售點提出，而非經維修中心）：此個案按維修報價。")
    }
}
