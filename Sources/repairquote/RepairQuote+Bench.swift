import ArgumentParser
import Dispatch
import Foundation
import QuoteCore

/// `repairquote bench …`: speed figures, measured on this machine (use a release build).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed (build with -c release first).",
        subcommands: [
            BenchQuotes.self, BenchColdStart.self, BenchRender.self, BenchPDF.self, BenchJSON.self,
            BenchGenerateCommand.self, BenchVerify.self, BenchWebhooks.self, BenchStoreCommand.self,
            BenchSearchCommand.self,
        ])
}

/// Quotes computed per second on one core, price lists loaded, cases decoded beforehand.
struct BenchQuotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes", abstract: "Quotes computed per second on one core (price lists loaded).")

    @Option(help: "How many quotes to compute.") var count = 1_000_000
    @Option(help: "Folder of example cases to cycle through.") var examples = "Examples"
    @OptionGroup var priceLists: PriceListOptions

    func run() throws {
        let catalog = try CLIError.guarding { try priceLists.loadCatalog() }
        let calculator = QuoteCalculator(catalog: catalog)
        let cases = try CLIError.guarding { try Self.loadCases(from: examples, catalog: catalog) }
        var checksum: Int64 = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = Self.threadCPUNanoseconds()
        for index in 0..<count {
            let quote = try calculator.quote(cases[index % cases.count])
            checksum &+= quote.totals.all.gross.minorUnits
        }
        let cpu = Double(Self.threadCPUNanoseconds() - cpuStart) / 1e9
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        func rate(_ seconds: Double) -> Int { Int((Double(count) / seconds).rounded()) }
        print(
            "quotes: \(count) on one thread, \(cases.count) example cases (checksum \(checksum))\n"
                + "  wall \(String(format: "%.3f", wall)) s = \(rate(wall)) quotes/s\n"
                + "  cpu  \(String(format: "%.3f", cpu)) s = \(rate(cpu)) quotes/s per CPU-second")
    }

    /// CPU time used by the calling thread (not affected by waiting for a busy core).
    static func threadCPUNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    static func loadCases(from folder: String, catalog: PriceListCatalog) throws -> [ServiceCase] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".json")
        }.sorted()
        var cases: [ServiceCase] = []
        for name in names {
            let path = folder + "/" + name
            guard
                let c = try? CaseInput.decode(
                    CaseInput.parse(CaseInput.read(path), source: path), source: path, catalog: catalog),
                (try? QuoteCalculator(catalog: catalog).quote(c)) != nil
            else { continue }
            cases.append(c)
        }
        guard !cases.isEmpty else { throw CLIError.badInput("\(folder): no valid example case found") }
        return cases
    }
}

/// Wall time of a whole `repairquote quote` process, from exec to exit.
struct BenchColdStart: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cold-start", abstract: "Wall time of `repairquote quote CASE` as a new process.")

    @Option(help: "How many runs.") var runs = 30
    @Argument(help: "The case to quote.") var casePath = "Examples/nl-out-of-warranty.json"

    func run() throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var times: [Double] = []
        for _ in 0..<runs {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["quote", casePath]
            process.standardOutput = FileHandle.nullDevice
            let start = DispatchTime.now().uptimeNanoseconds
            try process.run()
            process.waitUntilExit()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            guard process.terminationStatus == 0 else {
                throw CLIError.badInput("repairquote quote \(casePath) exited \(process.terminationStatus)")
            }
        }
        times.sort()
        let median = times[times.count / 2]
        print(
            "cold start of `repairquote quote \(casePath)`: median \(String(format: "%.1f", median)) ms, min \(String(format: "%.1f", times[0])) ms, max \(String(format: "%.1f", times[times.count - 1])) ms over \(runs) runs"
        )
    }
}
