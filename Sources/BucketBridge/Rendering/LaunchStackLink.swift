/// The CloudFormation console's quick-create page for a hosted template, in the bucket's
/// region and partition (`https://console.aws.amazon.com/cloudformation/home?region=R#/stacks/quickcreate?templateURL=U&stackName=S`).
func launchStackURL(templateURL: String, region: String, partition: Partition, stackName: String) -> String {
    let console =
        switch partition {
        case .aws: "console.aws.amazon.com"
        case .awsCN: "console.amazonaws.cn"
        case .awsUSGov: "console.amazonaws-us-gov.com"
        }
    return "https://\(console)/cloudformation/home?region=\(percentEncoded(region))#/stacks/quickcreate"
        + "?templateURL=\(percentEncoded(templateURL))&stackName=\(percentEncoded(stackName))"
}

/// `text` with every byte but RFC 3986's unreserved characters percent-encoded, for a query value.
func percentEncoded(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            out += "%" + hexDigits(UInt32(byte), width: 2, uppercase: true)
        }
    }
    return out
}
