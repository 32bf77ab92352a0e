// swift-tools-version: 6.0
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
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        .target(name: "GitKit", dependencies: ["CLibGit2"]),
        .target(name: "SSHSig", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "PlanKit",
            dependencies: [
                "GitKit",
                "SSHSig",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The website (`nap site`, later `nap serve`): page rendering from PlanKit's values through Mustache
        // templates. The templates live in Resources/ and are embedded at build time (docs/ARCHITECTURE.md).
        .target(
            name: "NapWeb",
            dependencies: ["PlanKit", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Resources"]
        ),
        .target(
            name: "NapCLI",
            dependencies: [
                "PlanKit",
                "NapWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "nap", dependencies: ["NapCLI"]),
        .executableTarget(name: "nap-bench", dependencies: ["PlanKit", "GitKit"], path: "Sources/NapBench"),
        .target(name: "NapTestSupport", path: "Tests/NapTestSupport"),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "NapTestSupport"]),
        .testTarget(name: "SSHSigTests", dependencies: ["SSHSig", "NapTestSupport"]),
        .testTarget(name: "PlanKitTests", dependencies: ["PlanKit", "GitKit", "NapTestSupport"]),
        .testTarget(name: "NapWebTests", dependencies: ["NapWeb", "PlanKit", "NapTestSupport"]),
        .testTarget(name: "NapCLITests", dependencies: ["NapCLI", "PlanKit", "GitKit", "NapTestSupport", .product(name: "Crypto", package: "swift-crypto"),
                                                   .product(name: "CSV", package: "CSV.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
