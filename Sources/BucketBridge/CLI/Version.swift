/// The version `bucketbridge --version` prints and generated files mention.
public enum BucketBridgeVersion {
    public static let current = "0.1.0"
}
