import Testing
@testable import BucketBridge

/// A test failure with a message, for `throw` in tests.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
