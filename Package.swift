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
        .target(name: "BucketBridge"),
        .executableTarget(
            name: "bucketbridge", dependencies: ["BucketBridge"],
            // A self-contained binary: a copy runs where no Swift runtime is installed, and
            // starts without loading the runtime's shared libraries.
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))]),
        .testTarget(name: "BucketBridgeTests", dependencies: ["BucketBridge"]),
    ],
    swiftLanguageModes: [.v6]
)
