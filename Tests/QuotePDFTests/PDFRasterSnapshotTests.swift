import Foundation
import QuoteCore
import Testing

/// The first page of the NL and HK documents rasterised at 50 dpi in grey (`pdftoppm -r 50
/// -gray`), compared with `Snapshots/<case>.<lang>.pgm` within a small pixel tolerance, so a
/// layout change is seen (a font's hinting may move a few pixels). After an intended change,
/// re-record with `RECORD_SNAPSHOTS=1 swift test --skip-build --filter PDFRasterSnapshotTests`
/// and look at the pages (`pdftoppm -png`).
@Suite("PDF page rasters against their snapshots")
struct PDFRasterSnapshotTests {
    /// A grey raster: width, height and one byte per pixel.
    struct Raster: Equatable {
        var width: Int
        var height: Int
        var pixels: [UInt8]

        /// Reads a binary PGM (`P5`, maximum 255) as pdftoppm writes it.
        init?(pgm bytes: [UInt8]) {
            var fields: [String] = []
            var index = 0
            var current = ""
            while fields.count < 4, index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") {
                    if !current.isEmpty { fields.append(current) }
                    current = ""
                } else {
                    current.append(Character(UnicodeScalar(byte)))
                }
            }
            guard fields.count == 4, fields[0] == "P5", let width = Int(fields[1]),
                let height = Int(fields[2]),
                fields[3] == "255", bytes.count - index == width * height
            else { return nil }
            self.width = width
            self.height = height
            pixels = Array(bytes[index...])
        }

        /// The share of pixels whose grey differs by more than a quarter of the scale.
        func difference(from other: Raster) -> Double {
            guard width == other.width, height == other.height else { return 1 }
            let changed = zip(pixels, other.pixels).filter { abs(Int($0) - Int($1)) > 64 }.count
            return Double(changed) / Double(max(1, pixels.count))
        }
    }

    static let tolerance = 0.002

    static func raster(_ name: String, language: String) throws -> (Raster, [UInt8]) {
        let pdf = try PDFDocumentTests.render(name, language: language).pdf
        let input = try PDFSupport.temporaryFile(pdf)
        let output = input + ".raster"
        defer {
            try? FileManager.default.removeItem(atPath: input)
            try? FileManager.default.removeItem(atPath: output + ".pgm")
        }
        _ = try PDFSupport.poppler(
            "pdftoppm", ["-r", "50", "-gray", "-f", "1", "-l", "1", "-singlefile", input, output])
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: output + ".pgm")))
        return (try #require(Raster(pgm: bytes), "pdftoppm wrote no PGM"), bytes)
    }

    @Test(
        "the first page matches its snapshot",
        arguments: [("nl-out-of-warranty", "nl"), ("hk-out-of-warranty", "zh-Hant")])
    func matches(_ name: String, _ language: String) throws {
        let (raster, bytes) = try Self.raster(name, language: language)
        let file = PDFSupport.snapshots.appendingPathComponent("\(name).\(language).pgm")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try Data(bytes).write(to: file)
        }
        let recorded = try #require(
            Raster(pgm: Array(try Data(contentsOf: file))), "no snapshot \(file.lastPathComponent); record it"
        )
        #expect(raster.width == recorded.width && raster.height == recorded.height)
        #expect(raster.difference(from: recorded) <= Self.tolerance, "\(name) (\(language)) looks different")
    }

    @Test("the tolerance sees a layout change: another document is far outside it")
    func toleranceSeesChanges() throws {
        let (nl, _) = try Self.raster("nl-out-of-warranty", language: "nl")
        let (other, _) = try Self.raster("nl-out-of-warranty", language: "en")
        #expect(nl.difference(from: nl) == 0)
        #expect(nl.difference(from: other) > Self.tolerance * 5)
    }
}
