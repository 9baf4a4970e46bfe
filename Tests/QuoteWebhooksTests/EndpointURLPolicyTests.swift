import Foundation
import QuoteCore
import Testing

@testable import QuoteWebhooks

/// Answers from a fixed table, so a name "resolving to loopback" needs no DNS.
struct TableResolver: HostResolving {
    var table: [String: [String]]
    func addresses(of host: String) async throws -> [IPAddress] {
        guard let entries = table[host] else { throw HostResolutionError(host: host, reason: "unknown") }
        return entries.compactMap(IPAddress.init(literal:))
    }
}

@Suite("SSRF policy for endpoint URLs")
struct EndpointURLPolicyTests {
    @Test(
        "refused addresses and why",
        arguments: [
            ("127.0.0.1", AddressRefusal.loopback), ("127.255.0.9", .loopback), ("::1", .loopback),
            ("10.0.0.1", .private), ("172.16.0.1", .private), ("172.31.255.255", .private),
            ("192.168.1.1", .private),
            ("fc00::1", .private), ("fd12:3456::1", .private),
            ("169.254.1.1", .linkLocal), ("fe80::1", .linkLocal), ("febf::1", .linkLocal),
            ("100.64.0.1", .sharedAddressSpace), ("100.127.255.254", .sharedAddressSpace),
            ("0.0.0.0", .unspecified), ("::", .unspecified),
            ("169.254.169.254", .metadata), ("fd00:ec2::254", .metadata),
            ("::ffff:127.0.0.1", .loopback), ("::ffff:10.0.0.1", .private),
            ("::ffff:169.254.169.254", .metadata),
            ("64:ff9b::a00:1", .private), ("224.0.0.1", .multicast), ("ff02::1", .multicast),
            ("255.255.255.255", .reserved),
        ])
    func refused(address: String, reason: AddressRefusal) throws {
        let parsed = try #require(IPAddress(literal: address))
        #expect(parsed.refusal == reason)
    }

    @Test(
        "public addresses pass",
        arguments: [
            "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700::1111",
            "::ffff:8.8.8.8", "fec0::1",
        ])
    func allowed(address: String) throws {
        #expect(try #require(IPAddress(literal: address)).refusal == nil)
    }

    @Test("syntax: https only, a host, no user info; errors name url")
    func syntax() {
        let policy = EndpointURLPolicy()
        let cases = [
            ("http://hooks.example.com/x", "url: must be an https URL, got scheme \"http\""),
            ("ftp://hooks.example.com/x", "url: must be an https URL, got scheme \"ftp\""),
            ("https://user:pw@hooks.example.com/", "url: must not contain a user name or password"),
            ("https:///path", "url: has no host"),
            ("not a url", "url: is not a URL"),
        ]
        for (url, message) in cases {
            do {
                _ = try policy.validate(url: url)
                Issue.record("\(url) was accepted")
            } catch { #expect(error.description == message) }
        }
        #expect((try? policy.validate(url: "https://[::1]:8443/h"))?.host == "::1")
        #expect((try? policy.validate(url: "https://Hooks.Example.com/h"))?.port == 443)
    }

    @Test("a name is refused if any of its addresses is refused; the checked address is the one kept")
    func resolution() async throws {
        let resolver = TableResolver(table: [
            "hooks.example.com": ["93.184.216.34"], "sneaky.example.com": ["93.184.216.34", "127.0.0.1"],
            "internal.example.com": ["10.1.2.3"],
        ])
        let policy = EndpointURLPolicy(resolver: resolver)
        let checked = try await policy.checked(url: "https://hooks.example.com/h")
        #expect(checked.address == IPAddress(literal: "93.184.216.34"))
        await #expect(
            throws: ValidationError(
                field: "url", "host sneaky.example.com resolves to loopback address 127.0.0.1")
        ) {
            try await policy.checked(url: "https://sneaky.example.com/h")
        }
        await #expect(throws: ValidationError(field: "url", "host nowhere.example.com does not resolve")) {
            try await policy.checked(url: "https://nowhere.example.com/h")
        }
        let insecure = EndpointURLPolicy(allowInsecure: true, resolver: resolver)
        let inside = try await insecure.checked(url: "http://internal.example.com:8080/h")
        #expect(inside.address == IPAddress(literal: "10.1.2.3") && inside.url.port == 8080)
    }

    @Test("localhost resolves (getaddrinfo) to loopback and is refused")
    func localhost() async {
        await #expect(throws: ValidationError.self) {
            try await EndpointURLPolicy().checked(url: "https://localhost/h")
        }
        let addresses = (try? await SystemHostResolver().addresses(of: "localhost")) ?? []
        #expect(!addresses.isEmpty && addresses.allSatisfy { $0.refusal == .loopback })
    }

    @Test("a registration's bad fields are named: url, events, description")
    func registration() async {
        let policy = EndpointURLPolicy(
            resolver: TableResolver(table: ["hooks.example.com": ["93.184.216.34"]]))
        let cases: [(String, [String], String?, String)] = [
            ("https://10.0.0.1/h", ["quote.issued"], nil, "url"),
            ("https://hooks.example.com/h", [], nil, "events"),
            ("https://hooks.example.com/h", ["quote.issued", "quote.nope"], nil, "events[1]"),
            ("https://hooks.example.com/h", ["quote.issued", "quote.issued"], nil, "events[1]"),
            (
                "https://hooks.example.com/h", ["quote.issued"], String(repeating: "x", count: 256),
                "description"
            ),
            ("https://hooks.example.com/h", ["quote.issued"], "line\nbreak", "description"),
        ]
        for (url, events, description, field) in cases {
            do {
                _ = try await WebhookEndpointRequest.validated(
                    url: url, events: events, description: description, policy: policy)
                Issue.record("accepted: \(url) \(events)")
            } catch { #expect(error.field == field, "\(error)") }
        }
        let good = try? await WebhookEndpointRequest.validated(
            url: "https://hooks.example.com/h", events: ["quote.decided", "quote.voided"],
            description: "ledger",
            policy: policy)
        #expect(good?.events == [.decided, .voided])
    }
}
