import Testing

@testable import BucketBridge

/// Where the access summary says each capability applies, for the examples, against their
/// literal bucket and prefix: listing "that start with" the prefix or in the whole bucket,
/// objects under `s3://bucket/prefix` or in the whole bucket, the values as code to copy.
struct AccessSummaryWordsTests {
    @Test func placesNameTheBucketAndPrefix() throws {
        for (destination, expected) in try PolicyMeaningTests.examples() {
            let summary = summarizeAccess(of: destination, policies: buildPolicies(for: destination))
            let capabilities = Dictionary(summary.capabilities.map { ($0.kind, $0.phrase) }) { first, _ in first }
            if let list = capabilities[.listKeys] {
                let place = expected.prefix.isEmpty
                    ? "list the keys in the whole bucket \(expected.bucket) ("
                    : "list the keys that start with \(expected.prefix) in the bucket \(expected.bucket) ("
                #expect(list.plainText.hasPrefix(place), "\(expected.name): \(list.plainText)")
                #expect(list.segments.contains(.code(expected.bucket)), "\(expected.name): the bucket is not a value to copy")
                if !expected.prefix.isEmpty {
                    #expect(list.segments.contains(.code(expected.prefix)), "\(expected.name): the prefix is not a value to copy")
                }
            } else {
                #expect(expected.listActions.isEmpty, "\(expected.name): no listing capability")
            }
            let objects = expected.prefix.isEmpty ? " in the whole bucket \(expected.bucket) (" : " under s3://\(expected.bucket)/\(expected.prefix) ("
            for (kind, action) in [(CapabilityKind.readObjects, "s3:GetObject"), (.writeObjects, "s3:PutObject")] {
                guard let phrase = capabilities[kind] else {
                    #expect(!expected.objectActions.contains(action), "\(expected.name): no \(kind) capability")
                    continue
                }
                #expect(phrase.plainText.contains(objects), "\(expected.name): \(phrase.plainText)")
            }
        }
    }
}
