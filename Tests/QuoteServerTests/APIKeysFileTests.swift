import Foundation
import Testing

@testable import QuoteServer

@Suite("the keys file: every problem names its entry and field")
struct APIKeysFileTests {
    static func load(_ text: String) throws(KeysFileError) -> APIKeys {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "keys-\(UUID().uuidString).json")
        try? Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try APIKeys.load(file: url)
    }

    @Test("the shipped sample loads, with its three roles")
    func sample() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/service/keys.sample.json")
        let keys = try APIKeys.load(file: url)
        #expect(Set(keys.principals.values.map(\.role)) == Set(Role.allCases))
        #expect(keys.principals.values.contains { $0.issuesPerMinute == 600 })
    }

    @Test("bad files are refused with the field at fault")
    func refused() {
        let good = #"{"key": "k-1", "name": "desk", "role": "service-center"}"#
        let cases: [(String, String)] = [
            ("{", "not JSON"),
            (#"{"kees": []}"#, "keys: missing"),
            (#"{"keys": [\#(good), {"key": "k-2", "role": "finance"}]}"#, "keys[1].name: missing"),
            (#"{"keys": [{"key": 7, "name": "desk", "role": "finance"}]}"#, "keys[0].key: should be text"),
            (
                #"{"keys": [{"key": "k-1", "name": "desk", "role": "admin"}]}"#,
                #"keys[0].role: "admin" is not one of service-center, retailer, finance"#
            ),
            (
                #"{"keys": [{"key": "k-1", "name": "shop", "role": "retailer"}]}"#,
                "keys[0].retailer: a retailer key needs its retailer id"
            ),
            (
                #"{"keys": [{"key": "k 1", "name": "desk", "role": "finance"}]}"#,
                "keys[0].key: empty or with spaces, so no request could send it"
            ),
            (
                #"{"keys": [\#(good), {"key": "k-1", "name": "other", "role": "finance"}]}"#,
                "keys[1].key: the same key as desk's"
            ),
            (
                #"{"keys": [{"key": "k-1", "name": "desk", "role": "finance", "issuesPerMinute": 0}]}"#,
                "keys[0].issuesPerMinute: should be a positive whole number, not 0"
            ),
            (
                #"{"keys": [{"key": "k-1", "name": "desk", "role": "finance", "issuesPerMinute": "60"}]}"#,
                "keys[0].issuesPerMinute: should be a positive whole number"
            ),
        ]
        for (text, message) in cases {
            #expect(throws: KeysFileError(message)) { try Self.load(text) }
        }
        #expect(throws: KeysFileError("cannot read the file")) {
            try APIKeys.load(file: URL(fileURLWithPath: "/nonexistent/keys.json"))
        }
    }
}
