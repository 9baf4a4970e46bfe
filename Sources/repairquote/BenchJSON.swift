import ArgumentParser
import Dispatch
import Foundation
import QuoteCore
import QuoteJSON

/// `repairquote bench json`: case documents decoded and quotes encoded (compact) per second on one
/// core. Files are read and quoted once beforehand; the timed loops only decode or only encode.
struct BenchJSON: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "json",
        abstract: "Case decodes and quote encodes (compact JSON) per second on one core.")

    @Argument(help: "Case files to cycle through (default: every valid case in --examples).")
    var cases: [String] = []
    @Option(help: "How many decodes, and how many encodes.") var count = 200_000
    @Option(help: "Folder of example cases, when no case is given.") var examples = "Examples"
    @OptionGroup var priceLists: PriceListOptions

    func run() throws {
        let catalog = try CLIError.guarding { try priceLists.loadCatalog() }
        let inputs = try CLIError.guarding { try loadInputs(catalog: catalog) }
        let today: (MarketCode) -> CivilDate = { catalog.today(in: $0) }

        var checksum = 0
        var timer = Timer()
        for index in 0..<count {
            let serviceCase = try CaseDecoder.decode(bytes: inputs[index % inputs.count].bytes, today: today)
            checksum &+= serviceCase.repair.parts.count &+ serviceCase.customer.name.utf8.count
        }
        let decode = timer.lap()
        var bytes = 0
        for index in 0..<count {
            bytes &+= QuoteEncoder.bytes(inputs[index % inputs.count].quote).count
        }
        let encode = timer.lap()
        let sizes = inputs.map(\.bytes.count).reduce(0, +)
        let quoteSizes = inputs.map { QuoteEncoder.bytes($0.quote).count }.reduce(0, +)
        print(
            "json: \(count) decodes and \(count) encodes on one thread, \(inputs.count) cases "
                + "(case files \(sizes / inputs.count) B, quotes \(quoteSizes / inputs.count) B on average; "
                + "checksum \(checksum &+ bytes))\n"
                + "  case decode  \(decode.report(count, "decodes"))\n"
                + "  quote encode \(encode.report(count, "encodes"))")
    }

    struct Input {
        var bytes: [UInt8]
        var quote: Quote
    }

    func loadInputs(catalog: PriceListCatalog) throws -> [Input] {
        var paths = cases
        if paths.isEmpty {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? []).filter {
                $0.hasSuffix(".json")
            }.sorted()
            paths = names.map { examples + "/" + $0 }
        }
        let calculator = QuoteCalculator(catalog: catalog)
        var inputs: [Input] = []
        for path in paths {
            let bytes = try CaseInput.read(path)
            let serviceCase = try CaseInput.decode(
                CaseInput.parse(bytes, source: path), source: path, catalog: catalog)
            guard let quote = try? calculator.quote(serviceCase) else {
                if cases.isEmpty { continue }
                throw CLIError.badInput("\(path): cannot be quoted")
            }
            inputs.append(Input(bytes: bytes, quote: quote))
        }
        guard !inputs.isEmpty else { throw CLIError.badInput("\(examples): no valid example case found") }
        return inputs
    }

    /// Wall and thread CPU time since the last lap.
    struct Timer {
        var wall = DispatchTime.now().uptimeNanoseconds
        var cpu = BenchQuotes.threadCPUNanoseconds()

        struct Lap {
            var wall: Double
            var cpu: Double

            func report(_ count: Int, _ unit: String) -> String {
                func rate(_ seconds: Double) -> Int { Int((Double(count) / seconds).rounded()) }
                return "wall \(String(format: "%.3f", wall)) s = \(rate(wall)) \(unit)/s, "
                    + "cpu \(String(format: "%.3f", cpu)) s = \(rate(cpu)) \(unit)/s "
                    + "(\(String(format: "%.2f", cpu * 1e6 / Double(count))) µs each)"
            }
        }

        mutating func lap() -> Lap {
            let (wallNow, cpuNow) = (DispatchTime.now().uptimeNanoseconds, BenchQuotes.threadCPUNanoseconds())
            defer { (wall, cpu) = (wallNow, cpuNow) }
            return Lap(wall: Double(wallNow - wall) / 1e9, cpu: Double(cpuNow - cpu) / 1e9)
        }
    }
}
