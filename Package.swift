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
            ]
        ),
        .target(
            name: "NapCLI",
            dependencies: [
                "PlanKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "nap", dependencies: ["NapCLI"]),
        .executableTarget(name: "nap-bench", dependencies: ["PlanKit", "GitKit"], path: "Sources/NapBench"),
        .target(name: "NapTestSupport", path: "Tests/NapTestSupport"),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "NapTestSupport"]),
        .testTarget(name: "SSHSigTests", dependencies: ["SSHSig", "NapTestSupport"]),
        .testTarget(name: "PlanKitTests", dependencies: ["PlanKit", "GitKit", "NapTestSupport"]),
        .testTarget(name: "NapCLITests", dependencies: ["NapCLI", "PlanKit", "GitKit", "NapTestSupport", .product(name: "Crypto", package: "swift-crypto")]),
    ],
    swiftLanguageModes: [.v6]
)
