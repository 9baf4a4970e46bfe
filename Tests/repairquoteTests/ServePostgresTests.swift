import Foundation
import QuoteTestSupport
import Testing

/// Two `repairquote serve` processes on one PostgreSQL database, hit at the same time.
@Suite("serve: two instances on one PostgreSQL database", .serialized)
struct ServePostgresTests {
    /// An example case with every date moved by the days from its request date to today (UTC),
    /// so that the service, which refuses request dates more than 30 days back, takes it.
    static func example(_ name: String) throws -> String {
        let text = try String(
            contentsOf: CommandLineTests.root.appendingPathComponent("Examples/\(name).json"), encoding: .utf8
        )
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let format = DateFormatter()
        format.calendar = calendar
        format.timeZone = calendar.timeZone
        format.locale = Locale(identifier: "en_US_POSIX")
        format.dateFormat = "yyyy-MM-dd"
        let requested = format.date(from: "2026-03-02")!
        let shift =
            calendar.dateComponents([.day], from: requested, to: calendar.startOfDay(for: Date())).day ?? 0
        let pattern = try NSRegularExpression(pattern: #""(\d{4}-\d{2}-\d{2})""#)
        var result = text
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let range = Range(match.range(at: 1), in: text),
                let date = format.date(from: String(text[range])),
                let moved = calendar.date(byAdding: .day, value: shift, to: date)
            else { continue }
            result.replaceSubrange(range, with: format.string(from: moved))
        }
        return result
    }

    /// Two instances on a fresh database; stopped when `body` ends.
    static func withTwoInstances(_ body: (ServeInstance, ServeInstance) async throws -> Void) async throws {
        let url = PostgresTestDatabase.url(try await PostgresTestDatabase.create())
        let a = try ServeInstance(db: url, port: ServeInstance.freePort())
        let b = try ServeInstance(db: url, port: ServeInstance.freePort())
        defer {
            a.stop()
            b.stop()
        }
        try await a.ready()
        try await b.ready()
        try await body(a, b)
    }

    @Test("numbers 1 to 200 over both; a benefit once; one quote per idempotency key; decisions shared")
    func sharedDatabase() async throws {
        try await Self.withTwoInstances { a, b in
            let repair = try Self.example("nl-out-of-warranty")
            let answers = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for i in 0..<200 {
                    let instance = i.isMultiple(of: 2) ? a : b
                    group.addTask { try await instance.issue(repair) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.0 == 201 })
            let numbers = answers.compactMap(\.1).sorted()
            #expect(numbers.count == 200)
            #expect(numbers.map { Int($0.suffix(6)) ?? 0 } == Array(1...200))
            #expect(Set(numbers.map { $0.dropLast(6) }).count == 1)

            let free = try Self.example("pk-free-labor")
            let pk = try await withThrowingTaskGroup(of: String?.self) { group in
                for i in 0..<20 {
                    let instance = i.isMultiple(of: 2) ? a : b
                    group.addTask { try await instance.issue(free).number }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            var granting = 0
            for case let number? in pk {
                let (data, _) = try await a.call("GET", "/v1/quotes/\(number)")
                if String(decoding: data, as: UTF8.self).contains(#""benefitsGranted":["PK-"#) {
                    granting += 1
                }
            }
            #expect(pk.count == 20 && granting == 1)

            async let first = a.issue(repair, idempotencyKey: "both-1")
            async let second = b.issue(repair, idempotencyKey: "both-1")
            let (x, y) = try await (first, second)
            #expect(x.number != nil && x.number == y.number)
            #expect([x.status, y.status].sorted() == [200, 201])

            guard let number = numbers.first else { return }
            let (_, accepted) = try await a.call(
                "POST", "/v1/quotes/\(number)/decision", body: #"{"decision":"accepted","channel":"phone"}"#)
            #expect(accepted == 200)
            let (seen, _) = try await b.call("GET", "/v1/quotes/\(number)")
            #expect(String(decoding: seen, as: UTF8.self).contains(#""status":"accepted""#))
            let (_, conflict) = try await b.call(
                "POST", "/v1/quotes/\(number)/decision", body: #"{"decision":"rejected","channel":"phone"}"#)
            #expect(conflict == 409)
        }
    }

    @Test("stopping one instance mid-load loses no quote answered 201")
    func stopMidLoad() async throws {
        try await Self.withTwoInstances { a, b in
            let repair = try Self.example("nl-out-of-warranty")
            let answered = await withTaskGroup(of: String?.self) { group in
                for i in 0..<120 {
                    let instance = i.isMultiple(of: 2) ? a : b
                    group.addTask {
                        guard let (status, number) = try? await instance.issue(repair), status == 201 else {
                            return nil
                        }
                        return number
                    }
                    if i == 60 {
                        group.addTask {
                            b.stop(); return nil
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }.compactMap { $0 }
            }
            #expect(answered.count >= 60)
            for number in answered {
                let (_, status) = try await a.call("GET", "/v1/quotes/\(number)")
                #expect(status == 200, "\(number) was answered 201 but is not stored")
            }
            #expect(Set(answered).count == answered.count)
        }
    }

    @Test("an unreachable database stops serve with exit 2 and one line naming the host, not the password")
    func unreachable() throws {
        let result = try CommandLineTests.run([
            "serve", "--port", String(ServeInstance.freePort()), "--keys",
            "Examples/service/keys.sample.json",
            "--db", "postgres://quotes:hunter2-secret@127.0.0.1:9/quotes",
        ])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(
            result.err.hasPrefix(
                "repairquote: --db postgres://quotes@127.0.0.1:9/quotes: cannot connect to 127.0.0.1:9"))
        #expect(result.err.filter { $0 == "\n" }.count == 1)
        #expect(!result.err.contains("hunter2"))
    }
}
