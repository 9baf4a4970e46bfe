import Foundation
import QuoteCore
import QuoteJSON
import QuoteTestSupport

@testable import QuoteStore

enum Store {
    static let engine = StubEngine()

    static func decode(_ json: String) throws -> ServiceCase {
        try CaseDecoder.decode(json, today: { _ in CivilDate(year: 2026, month: 3, day: 2)! })
    }

    @discardableResult
    static func issue(
        _ repo: some QuoteRepository, _ json: String, key: String? = nil, issuer: String = "desk-1"
    ) async throws -> IssueResult {
        let request = IssueRequest(
            serviceCase: try decode(json), issuer: issuer, idempotencyKey: key,
            requestHash: Digest.sha256Hex(Array(json.utf8)))
        return try await repo.issue(
            request,
            engine: engine)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "quotestore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
