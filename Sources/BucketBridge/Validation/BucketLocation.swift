/// Rules for where in S3 the access lands: the key prefix, the region and the KMS key.
enum BucketLocationRules {
    /// The prefix as policies use it: leading `/` dropped, a trailing `/` added, "" for the whole bucket.
    static func normalisePrefix(_ text: String) -> String {
        // Most prefixes start with no "/": nothing to drop, so no substring to make.
        if text.utf8.first != UInt8(ascii: "/") { return text.isEmpty || text.hasSuffix("/") ? text : text + "/" }
        var prefix = Substring(text)
        while prefix.hasPrefix("/") { prefix = prefix.dropFirst() }
        if prefix.isEmpty { return "" }
        return prefix.hasSuffix("/") ? String(prefix) : prefix + "/"
    }

    /// Problems with a prefix: wildcards and policy variables would widen or change the resource.
    static func prefixProblems(_ text: String) -> [String] {
        var problems: [String] = []
        if text.containsASCII("*") || text.containsASCII("?") {
            problems.append("\"*\" and \"?\" are wildcards in IAM policies and would widen the access")
        }
        if text.containsASCII("${") { problems.append("\"${\" starts an IAM policy variable") }
        // Byte by byte: control characters are single bytes, and no byte of another character
        // is below 0x20 or 0x7F.
        if ByteScan.withUTF8(of: text, { $0.contains { $0 < 0x20 || $0 == 0x7F } }) {
            problems.append("control characters are not allowed")
        }
        // Normalising adds at most one byte: a shorter prefix cannot be too long.
        if text.utf8.count >= 1024 {
            let length = normalisePrefix(text).utf8.count
            if length > 1024 { problems.append("S3 keys are at most 1024 bytes, the prefix has \(length)") }
        }
        return problems
    }

    /// Problems with a region name: it must be a region AWS has in the commercial, China or
    /// GovCloud partition (`AWSRegions`), with the closest one as a hint.
    static func regionProblems(_ text: String) -> (problems: [String], hint: String?) {
        if AWSRegions.region(named: text) != nil { return ([], nil) }
        if text.hasPrefix("eusc-") {
            return (["the AWS European Sovereign Cloud (aws-eusc) is not supported"], nil)
        }
        if text.contains("-iso") {
            return (["the isolated partitions (aws-iso*) are not supported"], nil)
        }
        return (["AWS has no such region in its commercial, China or GovCloud partitions"], AWSRegions.suggestion(for: text).map(Message.didYouMean))
    }

    /// Problems with a KMS key ARN: a key (not an alias) in the bucket's partition and region.
    static func kmsKeyProblems(_ text: String, partition: Partition, region: String?) -> (problems: [String], hint: String?) {
        guard let arn = ARN(text), arn.service == "kms" else {
            return (["it must be a KMS key ARN"], "such as arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
        }
        if arn.resource.hasPrefix("alias/") {
            return (["it is a key alias: IAM policies must name the key itself"], "use the key ARN shown in the KMS console: arn:...:key/ID")
        }
        var problems: [String] = []
        if let problem = partitionProblem(arn, expected: partition) { problems.append(problem) }
        if !regionProblems(arn.region).problems.isEmpty { problems.append("the region \(quotedForDiagnostic(arn.region)) is not a region AWS has") }
        if let region, arn.region != region {
            problems.append("the key is in \(arn.region) but the bucket is in \(region): S3 uses a key in the bucket's region")
        }
        if !CharacterRules.isAccountID(arn.account) { problems.append("the account must be 12 digits") }
        if !arn.resource.hasPrefix("key/") || !isKeyID(String(arn.resource.dropFirst(4))) {
            problems.append("the resource must be key/ID, with a key id such as 1234abcd-12ab-34cd-56ef-1234567890ab or mrk-...")
        }
        return (problems, nil)
    }

    /// A key id: a UUID (lowercase hex digits in groups of 8-4-4-4-12), or `mrk-` and 32
    /// lowercase hex digits for a multi-Region key. Checked byte by byte: any other byte,
    /// ASCII or not, makes it no key id.
    private static func isKeyID(_ id: String) -> Bool {
        func isHex(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
        if id.hasPrefix("mrk-") {
            let rest = id.utf8.dropFirst(4)
            return rest.count == 32 && rest.allSatisfy(isHex)
        }
        return ByteScan.withUTF8(of: id) { bytes in
            guard bytes.count == 36 else { return false }
            for (offset, byte) in bytes.enumerated() {
                let dash = offset == 8 || offset == 13 || offset == 18 || offset == 23
                guard dash ? byte == UInt8(ascii: "-") : isHex(byte) else { return false }
            }
            return true
        }
    }
}
