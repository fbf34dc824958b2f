// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "bucketbridge",
    // macOS 13: the tests use Swift Testing's time limits, Regex literals and ContinuousClock.
    // The library needs nothing newer (no Synchronization.Mutex, no String(validating:)).
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bucketbridge", targets: ["bucketbridge"]),
        .library(name: "BucketBridge", targets: ["BucketBridge"]),
    ],
    targets: [
        .target(
            name: "BucketBridge",
            // glibc declares `renameat2` (one call that moves a folder only where nothing is in
            // the way) only under _GNU_SOURCE, which Swift's Glibc module leaves unset.
            swiftSettings: [.unsafeFlags(["-Xcc", "-D_GNU_SOURCE"], .when(platforms: [.linux]))]),
        .executableTarget(
            name: "bucketbridge", dependencies: ["BucketBridge"],
            // A self-contained binary: a copy runs where no Swift runtime is installed. Fully
            // static on Linux: no dynamic loader, no libstdc++ to find and relocate, so it starts
            // in about half the CPU time of a -static-stdlib build (185 page faults against 352).
            linkerSettings: [.unsafeFlags(["-static-executable"], .when(platforms: [.linux]))]),
        .testTarget(name: "BucketBridgeTests", dependencies: ["BucketBridge"]),
    ],
    swiftLanguageModes: [.v6]
)
