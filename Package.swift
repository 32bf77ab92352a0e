// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "nap",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SSHSig", targets: ["SSHSig"]),
        .executable(name: "nap", targets: ["nap"]),
        .library(name: "PlanKit", targets: ["PlanKit"]),
        .library(name: "GitKit", targets: ["GitKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // RFC 4180 CSV reading and writing: OGP's commitments database layout (`nap export ogp-csv`) and
        // platforms' exports of public input (`nap import public-input`). docs/ARCHITECTURE.md says why.
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        // `nap serve` (NapServer). No traits: its default ConfigurationSupport would build swift-configuration,
        // which nap does not use (tools version 6.1 is what lets a dependency's traits be chosen).
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        // The server's background sync with the hub runs as a service of its application (Hummingbird's own).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        .target(name: "GitKit", dependencies: ["CLibGit2"]),
        // glibc's malloc tuning for the server (<malloc.h> is not in Swift's Glibc module).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // What nap says to people, in English and Traditional Chinese: `L("…")` messages and their catalogs
        // (Resources/*.lproj/*.strings, embedded by scripts/messages.py; docs/ARCHITECTURE.md says why).
        // Foundation only; every layer above may use it, the fronts included.
        .target(name: "Localization", exclude: ["Resources"]),
        .target(name: "SSHSig", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "PlanKit",
            dependencies: [
                "GitKit",
                "SSHSig",
                "Localization",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The website (`nap site`, later `nap serve`): page rendering from PlanKit's values through Mustache
        // templates. The templates live in Resources/ and are embedded at build time (docs/ARCHITECTURE.md).
        .target(
            name: "NapWeb",
            dependencies: ["PlanKit", "Localization", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Resources"]
        ),
        // The web server (`nap serve`): the site's pages rendered on request, forms for the public and the
        // members, sessions and invitations, on Hummingbird. A front like NapCLI: PlanKit, NapWeb and
        // Hummingbird (+ swift-crypto for hashing tokens) only — never GitKit (docs/SERVE.md, docs/ARCHITECTURE.md).
        .target(
            name: "NapServer",
            dependencies: [
                "CMalloc",
                "PlanKit",
                "NapWeb",
                "Localization",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // SHA-256 of invitation tokens kept on disk, and constant-time comparisons.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The command line. A front: PlanKit and the other fronts (NapWeb, NapServer) only, never GitKit
        // or SSHSig, so no type of the layers below can be named here.
        .target(
            name: "NapCLI",
            dependencies: [
                "PlanKit",
                "NapWeb",
                "NapServer",
                "Localization",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "nap", dependencies: ["NapCLI"]),
        .executableTarget(name: "nap-bench", dependencies: ["PlanKit", "GitKit"], path: "Sources/NapBench"),
        .target(name: "NapTestSupport", path: "Tests/NapTestSupport"),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "NapTestSupport"]),
        .testTarget(name: "SSHSigTests", dependencies: ["SSHSig", "NapTestSupport"]),
        .testTarget(name: "PlanKitTests", dependencies: ["PlanKit", "GitKit", "Localization", "NapTestSupport"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization", "NapTestSupport"]),
        .testTarget(name: "NapWebTests", dependencies: ["NapWeb", "PlanKit", "NapTestSupport"]),
        // The server's tests are here too (Serve/): they make real plans with the `nap` binary (NapHarness).
        .testTarget(name: "NapCLITests", dependencies: [
            "NapCLI", "NapServer", "PlanKit", "GitKit", "Localization", "NapTestSupport", .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CSV", package: "CSV.swift"), .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
