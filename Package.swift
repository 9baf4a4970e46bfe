// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "RepairQuote",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "repairquote", targets: ["repairquote"]),
        .library(name: "QuoteCore", targets: ["QuoteCore"]),
        .library(name: "QuoteRendering", targets: ["QuoteRendering"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // Pure domain: money, dates, cases, policies, the calculator. Foundation only, no I/O.
        .target(name: "QuoteCore"),
        // Reads PriceLists/<MARKET>/ (YAML + CSV) into QuoteCore values, with file:line errors.
        .target(
            name: "PriceListLoading",
            dependencies: ["QuoteCore", .product(name: "Yams", package: "Yams")]
        ),
        // Mustache templates → plain-text and HTML quotation documents, from view models of pre-formatted strings.
        .target(
            name: "QuoteRendering",
            dependencies: ["QuoteCore", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // libcurl, reached through typed wrappers of its variadic C functions (shim.h).
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // MIME messages and SMTP delivery over libcurl.
        .target(name: "QuoteMailer", dependencies: ["CCurl"]),
        // Messages per second over one SMTP connection (docs/mailer.md); not part of the tests.
        .executableTarget(name: "quotemailer-bench", dependencies: ["QuoteMailer"]),
        // Finance: recomputation checks, CSV export, the case generator, an ordered parallel pipeline.
        .target(name: "QuoteFinance", dependencies: ["QuoteCore"]),
        // The command line.
        .executableTarget(
            name: "repairquote",
            dependencies: [
                "QuoteCore", "PriceListLoading", "QuoteFinance", "QuoteRendering", "QuoteMailer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "QuoteCoreTests",
            dependencies: [
                "QuoteCore", "PriceListLoading",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Golden")]
        ),
        .testTarget(name: "PriceListLoadingTests", dependencies: ["PriceListLoading"]),
        .testTarget(name: "repairquoteTests", dependencies: ["repairquote"]),
        .testTarget(
            name: "QuoteRenderingTests",
            dependencies: [
                "QuoteRendering", "QuoteCore", "PriceListLoading",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "QuoteMailerTests", dependencies: ["QuoteMailer"]),
        .testTarget(name: "QuoteFinanceTests", dependencies: ["QuoteFinance", "QuoteCore", "PriceListLoading"]),
    ]
)
