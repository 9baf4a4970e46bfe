import Foundation
// Measures messages/s over one SMTP connection. Usage (see docs/mailer.md):
//   quotemailer-bench smtp://127.0.0.1:PORT [COUNT]
// Plain SMTP is allowed here because the target is a local test relay.
import QuoteBench
import QuoteMailer

func benchmark(url: String, count: Int) -> Int32 {
    do {
        let result = try SMTPBenchmark.run(url: url, count: count, allowPlaintext: true)
        let rate = Int(result.messagesPerSecond.rounded())
        print("\(result.messages) messages in \(result.seconds) s over \(result.connections) connection(s)")
        print("\(rate) messages/s")
        return 0
    } catch {
        print("error: \(error)")
        return error.exitCode
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: quotemailer-bench smtp://HOST:PORT [COUNT]")
    exit(2)
}
exit(benchmark(url: arguments[1], count: arguments.count >= 3 ? Int(arguments[2]) ?? 1000 : 1000))
