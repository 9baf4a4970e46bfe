// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "RepairQuote",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "repairquote", targets: ["repairquote"]),
        .library(name: "QuoteCore", targets: ["QuoteCore"]),
        .library(name: "QuoteJSON", targets: ["QuoteJSON"]),
        .library(name: "QuoteRendering", targets: ["QuoteRendering"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // Service and store.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // Console sign-in: bcrypt hashes and sessions.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        // base64url of customer tokens and cursors (already resolved through hummingbird-auth).
        .package(url: "https://github.com/swift-extras/swift-extras-base64.git", from: "1.2.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // Webhook deliveries (QuoteWebhooks).
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        // Pure domain: money, dates, cases, policies, the calculator, the quote's lifecycle.
        // Foundation only, no I/O, no serialisation, no unsafe pointers.
        .target(name: "QuoteCore"),
        // The JSON of the contract: strict parser, case decoder/encoder, quote encoder, and the one
        // writer (`JSONStreamWriter` over `JSONByteBuffer`) that escapes, writes numbers and dates,
        // and is the only place stored JSON is spliced in.
        .target(name: "QuoteJSON", dependencies: ["QuoteCore"]),
        // Reads PriceLists/<MARKET>/ (YAML + CSV) into QuoteCore values, with file:line errors.
        .target(
            name: "PriceListLoading",
            dependencies: ["QuoteCore", .product(name: "Yams", package: "Yams")]
        ),
        // Mustache templates → plain-text and HTML quotation documents, from view models of pre-formatted strings.
        .target(
            name: "QuoteRendering",
            dependencies: ["QuoteCore", "QuoteJSON", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // libcurl, reached through typed wrappers of its variadic C functions (shim.h).
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CMalloc"),
        // MIME messages and SMTP delivery over libcurl.
        .target(name: "QuoteMailer", dependencies: ["CCurl"]),
        // Messages per second over one SMTP connection (docs/mailer.md); not part of the tests.
        .executableTarget(name: "quotemailer-bench", dependencies: ["QuoteBench"]),
        // The benchmark helpers of `repairquote bench` (render, SMTP, the corrupting generator), kept
        // out of the library targets.
        .target(
            name: "QuoteBench",
            dependencies: [
                "QuoteCore", "QuoteJSON", "QuoteRendering", "QuoteMailer", "QuoteFinance", "QuoteStore",
            ]),
        // Finance: recomputation checks, CSV export, the case generator, an ordered parallel pipeline.
        .target(name: "QuoteFinance", dependencies: ["QuoteCore", "QuoteJSON"]),
        // libxlsxwriter, behind a shim like CCurl; QuoteSpreadsheet writes the finance workbooks with it.
        .systemLibrary(
            name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "QuoteSpreadsheet", dependencies: ["CXlsxWriter", "QuoteCore", "QuoteFinance"]),
        // Pango and Cairo (PDF surface) and fontconfig, behind a shim like CCurl; QuotePDF lays out
        // the quotation document's view model as PDF pages with them.
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev", "libfontconfig-dev"])]),
        .target(
            name: "QuotePDF",
            dependencies: [
                "CPangoCairo", "QuoteCore", "QuoteRendering", .product(name: "Yams", package: "Yams"),
            ]),
        // QuoteRepository: issued quotes, numbering, idempotency, benefit ledger, outbox
        // (SQLite via GRDB, PostgreSQL via postgres-nio).
        .target(
            name: "QuoteStore",
            dependencies: [
                "QuoteCore", "QuoteJSON", "QuoteWebhooks", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ExtrasBase64", package: "swift-extras-base64"),
            ]
        ),
        // The HTTP service (Hummingbird): App+build.swift, Controllers/.
        .target(
            name: "QuoteServer",
            dependencies: [
                "QuoteCore", "QuoteJSON", "QuoteStore", "QuoteRendering", "QuoteMailer", "CMalloc",
                "QuotePDF",
                "QuoteFinance", "QuoteWebhooks",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/favicon.svg")]
        ),
        // Webhook delivery core (issue #28): secrets, Standard Webhooks signatures, payloads, the SSRF
        // policy, the retry schedule and one delivery over AsyncHTTPClient. The store queues its
        // event types; the service's sender sends with it.
        .target(
            name: "QuoteWebhooks",
            dependencies: [
                "QuoteCore", "QuoteJSON",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The command line.
        .executableTarget(
            name: "repairquote",
            dependencies: [
                "QuoteCore", "QuoteJSON", "PriceListLoading", "QuoteFinance", "QuoteRendering", "QuoteMailer",
                "QuoteServer", "QuoteStore", "QuoteBench", "QuoteSpreadsheet", "QuotePDF", "QuoteWebhooks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "QuoteCoreTests",
            dependencies: [
                "QuoteCore", "QuoteJSON", "PriceListLoading",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Golden")]
        ),
        // The JSON library's own tests: the strict parser, the quick paths, the scanner.
        .testTarget(name: "QuoteJSONTests", dependencies: ["QuoteJSON", "QuoteCore"]),
        .testTarget(name: "PriceListLoadingTests", dependencies: ["PriceListLoading"]),
        .testTarget(
            name: "repairquoteTests",
            dependencies: [
                "repairquote", "QuoteStore", "QuoteCore", "QuoteJSON", "PriceListLoading", "QuoteTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "QuoteRenderingTests",
            dependencies: [
                "QuoteRendering", "QuoteCore", "QuoteJSON", "PriceListLoading",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "QuotePDFTests",
            dependencies: ["QuotePDF", "QuoteRendering", "QuoteCore", "QuoteJSON", "PriceListLoading"],
            exclude: ["Snapshots"]),
        .testTarget(name: "QuoteMailerTests", dependencies: ["QuoteMailer", "QuoteBench"]),
        .testTarget(
            name: "QuoteFinanceTests",
            dependencies: [
                "QuoteFinance", "QuoteCore", "QuoteJSON", "PriceListLoading", "QuoteBench",
                "QuoteTestSupport",
            ]),
        // A stand-in engine and case fixtures shared by the store and server tests.
        .target(
            name: "QuoteTestSupport",
            dependencies: [
                "QuoteCore", "QuoteStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/QuoteTestSupport"),
        .testTarget(
            name: "QuoteStoreTests",
            dependencies: [
                "QuoteStore", "QuoteCore", "QuoteJSON", "QuoteTestSupport", "QuoteWebhooks", "QuoteBench",
                "PriceListLoading",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
        .testTarget(
            name: "QuoteWebhooksTests",
            dependencies: ["QuoteWebhooks", "QuoteCore", "QuoteJSON", "QuoteFinance", "QuoteTestSupport"]),
        .testTarget(
            name: "QuoteServerTests",
            dependencies: [
                "QuoteServer", "QuoteStore", "QuoteCore", "QuoteJSON", "QuoteTestSupport", "PriceListLoading",
                "QuoteRendering", "QuoteMailer", "QuotePDF", "QuoteWebhooks", "QuoteFinance",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)
