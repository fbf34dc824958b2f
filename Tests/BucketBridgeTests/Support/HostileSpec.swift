import Foundation

@testable import BucketBridge

/// A spec whose free-text fields are as nasty as their validation rules allow, for checking that
/// every format carries them exactly and that none can inject anything.
enum HostileSpec {
    /// IAM role descriptions allow tab, LF, CR and printable Latin-1: shell, YAML, HCL, Markdown
    /// and template syntax, a leading Markdown heading on its own line, CRLF, LF and lone CR
    /// line breaks, a tab, printf directives, Latin-1 letters, and a trailing backslash.
    static let description =
        "# heading\r\n"
        + "Say \"hi\" & 'bye' \\ back\\slash $(touch PWNED) `touch PWNED` ${x} $${y} %{if x}yes%{endif} %%{z} %s%n !! "
        + "# not a comment: key: value - item *_[]<>| </details> <script>x</script> &amp; {{ x }} {% if %} {# c #}\r\n"
        + "- dash line\n> quote line\n1. numbered\r"
        + "\tTab-led line ~~~ ``` é ü ÿ ¡ « » ¿ × ÷ \\n literally; ends with a backslash \\"

    /// Vendor names are one line of the same characters.
    static let vendor = "ACME \"Data\" 'Co' $(touch PWNED) `touch PWNED` ${v} %{v} #1: - *_[]<>| </details> {{ v }} {% if %} é %s\\"

    /// Tag keys and values allow letters (any script), digits, spaces (any Unicode space, line
    /// and paragraph separators included) and `_ . : / = + - @`; the values are also YAML and
    /// HCL words that would not be strings unquoted.
    static let tags: [(key: String, value: String)] = [
        ("a: b/c=d+e-f@g", "a: b/c=d+e-f@g"),
        ("Ünïcode Kéy 中文", "välue ñ 中文 ٣ Ⅻ"),
        ("empty", ""),
        ("yes", "no"),
        ("0123", "1e3"),
        ("true", "null"),
        ("for", "in"),
        ("spaces", "  lead\u{2028}line\u{2029}para\u{00A0}nbsp\u{3000}ideographic trail  "),
        ("@:/=+-_.", "@:/=+-_."),
    ]

    /// IAM role names are `[\w+=,.@-]`, here with the vendor's required prefix.
    static let roleName = "Hostile+Role=x,y.z@w-1_"
    static let namePrefix = "Hostile+"
    /// IAM paths are printable ASCII without spaces, between slashes.
    static let rolePath = "/a'b\"c$(touch${IFS}PWNED)/`touch${IFS}PWNED`/%{z}/#:-/\\/"
    /// Key prefixes allow almost anything but `*`, `?`, `${` and control characters.
    static let prefix = "data/ünï cödé/$x/'q\"/\\b/%{if}/`touch PWNED`/$(touch PWNED)/#h: - [l](u)<b>|{{ p }} {% x %}/"
    static let policyName = "p+=,.@-_"
    static let externalId = "x=y,z.w@v:u/t-s_r+q"

    /// The spec text.
    static var json: String {
        let role: JSONValue = [
            "name": .string(roleName), "namePrefix": .string(namePrefix), "path": .string(rolePath),
            "accountId": "666666666666", "maxSessionDuration": 43200, "policyName": .string(policyName),
            "permissionsBoundary": "arn:aws:iam::666666666666:policy/boundary",
            "tags": .object(tags.map { JSONValue.Member($0.key, .string($0.value)) }),
        ]
        let destination: JSONValue = [
            "name": "hostile", "description": .string(description), "vendor": .string(vendor),
            "bucket": "hostile-bucket", "prefix": .string(prefix), "region": "us-east-1", "access": "read-write",
            "kmsKeyArn": "arn:aws:kms:us-east-1:666666666666:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            "trustedPrincipals": ["arn:aws:iam::280772890673:role/vendor", "111122223333"],
            "externalId": .string(externalId), "grant": "role-and-bucket-policy", "requireTls": true, "role": role,
        ]
        return encodeJSON(["version": 1, "destinations": [destination]]) + "\n"
    }
}

/// The hostile spec, rendered once.
let renderedHostile = Lazily {
    let folder = try formatScratchFolder("hostile-spec")
    try writeFile(folder + "/hostile.json", HostileSpec.json)
    return try renderRun([folder + "/hostile.json"], label: "hostile")
}
