/// Diagnostics as a SARIF 2.1.0 log (one run of the `bucketbridge` tool), for GitHub code
/// scanning and other SARIF viewers. The driver lists the rules the results use, in id
/// order, and each result names its rule by id and index; `level` is `error`, `warning` or `note` by
/// severity; a location is the file (a relative URI against `%SRCROOT%`, or a `file://` URI
/// for an absolute path) and, when known, the line and column (Unicode code points).
func formatDiagnosticsAsSARIF(_ diagnostics: [Diagnostic]) -> String {
    let rules = Set(diagnostics.map(\.rule)).sorted()
    let driver: JSONValue = [
        "name": "bucketbridge",
        "version": .string(BucketBridgeVersion.current),
        "rules": .array(rules.map(\.sarifDescriptor)),
    ]
    let log: JSONValue = [
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            [
                "tool": ["driver": driver],
                "columnKind": "unicodeCodePoints",
                "results": .array(diagnostics.map { $0.sarifResult(ruleIndex: rules.firstIndex(of: $0.rule)) }),
            ]
        ],
    ]
    return encodeJSON(log) + "\n"
}

extension DiagnosticRule {
    /// The rule's `reportingDescriptor`.
    var sarifDescriptor: JSONValue {
        ["id": .string(id), "name": .string(name), "shortDescription": ["text": .string(summary)]]
    }
}

extension Diagnostic {
    /// The diagnostic as a SARIF `result`.
    func sarifResult(ruleIndex: Int?) -> JSONValue {
        let level =
            switch severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "note"
            }
        var members: [JSONValue.Member] = [JSONValue.Member("ruleId", .string(rule.id))]
        if let ruleIndex { members.append(JSONValue.Member("ruleIndex", .int(ruleIndex))) }
        members.append(JSONValue.Member("level", .string(level)))
        members.append(JSONValue.Member("message", ["text": .string(summary)]))
        if let location { members.append(JSONValue.Member("locations", [location.sarifLocation])) }
        return .object(members)
    }
}

extension SourceLocation {
    /// A SARIF `location` with the file and, when known, the region.
    var sarifLocation: JSONValue {
        var artifact: [JSONValue.Member] = []
        if file.hasPrefix("/") {
            artifact.append(JSONValue.Member("uri", .string("file://" + percentEncodedPath(file))))
        } else {
            artifact.append(JSONValue.Member("uri", .string(percentEncodedPath(file))))
            artifact.append(JSONValue.Member("uriBaseId", "%SRCROOT%"))
        }
        var physical: [JSONValue.Member] = [JSONValue.Member("artifactLocation", .object(artifact))]
        if line > 0 {
            var region: [JSONValue.Member] = [JSONValue.Member("startLine", .int(line))]
            if column > 0 { region.append(JSONValue.Member("startColumn", .int(column))) }
            physical.append(JSONValue.Member("region", .object(region)))
        }
        return ["physicalLocation": .object(physical)]
    }
}

/// A file path as a URI path: every byte other than RFC 3986's unreserved characters and `/`
/// is percent-encoded (`my specs/ä.json` → `my%20specs/%C3%A4.json`).
func percentEncodedPath(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            out += "%" + hexDigits(UInt32(byte), width: 2, uppercase: true)
        }
    }
    return out
}
