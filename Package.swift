// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "bucketbridge",
    products: [
        .executable(name: "bucketbridge", targets: ["bucketbridge"]),
        .library(name: "BucketBridge", targets: ["BucketBridge"]),
    ],
    targets: [
        .target(name: "BucketBridge"),
        .executableTarget(name: "bucketbridge", dependencies: ["BucketBridge"]),
        .testTarget(name: "BucketBridgeTests", dependencies: ["BucketBridge"]),
    ],
    swiftLanguageModes: [.v6]
)
