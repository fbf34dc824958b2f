import BucketBridge

#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// Collects text and writes it to a file descriptor in one go at the end.
struct BufferedStream: TextOutputStream {
    let descriptor: Int32
    var buffer = ""

    mutating func write(_ string: String) { buffer += string }

    func flush() {
        var bytes = Array(buffer.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }
}

var output = BufferedStream(descriptor: 1)
var errors = BufferedStream(descriptor: 2)
let status = runBucketBridge(Array(CommandLine.arguments.dropFirst()), output: &output, errors: &errors)
output.flush()
errors.flush()
exit(status)
