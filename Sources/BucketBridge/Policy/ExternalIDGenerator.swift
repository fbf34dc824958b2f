/// Draws external IDs from the system's CSPRNG (`SystemRandomNumberGenerator`: getrandom(2)
/// on Linux, arc4random on Apple platforms).
public enum ExternalIDGenerator {
    /// Characters used: 64 of them, all valid in an STS external ID.
    public static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
    /// Random characters drawn when `--length` is not given.
    public static let defaultLength = 32

    /// `prefix` followed by `length` random characters; each byte's low 6 bits pick a
    /// character, so every character is equally likely (64 divides 256).
    public static func generate(prefix: String = "", length: Int = defaultLength) -> String {
        var generator = SystemRandomNumberGenerator()
        var text = prefix
        text.reserveCapacity(prefix.utf8.count + length)
        for _ in 0..<length {
            text.append(alphabet[Int(UInt8.random(in: 0...255, using: &generator) & 63)])
        }
        return text
    }
}
