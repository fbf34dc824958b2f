/// Reads `onboarding` and checks each text: one line, an e-mail address or https URL where
/// one is expected.
func validateOnboarding(_ reader: inout FieldReader) -> Onboarding {
    var onboarding = Onboarding()
    guard reader.fields["onboarding"] != nil, var fields = reader.object("onboarding") else { return onboarding }
    defer { reader.absorb(fields) }

    if let (steps, _) = fields.strings("nextSteps") {
        for (text, node) in steps {
            fields.report(node, invalid: "next step", rule: .onboardingText, OnboardingRules.lineProblems(text))
            onboarding.nextSteps.append(text)
        }
    }
    if let (text, node) = fields.string("support") {
        if let contact = OnboardingRules.supportContact(text) {
            onboarding.support = contact
        } else {
            fields.report(node, Message.supportContact)
        }
    }
    if let issuer = fields.choice("externalIdIssuedBy", as: ExternalIdIssuer.self) {
        onboarding.externalIdIssuedBy = issuer
    }
    if let (text, node) = fields.string("templateUrl") {
        if OnboardingRules.isHTTPSURL(text) {
            onboarding.templateUrl = text
            if !OnboardingRules.isS3URL(text) { fields.warn(node, Message.templateUrlNotS3) }
        } else {
            fields.report(node, Message.templateUrl)
        }
    }
    if let (text, node) = fields.string("roleArnLabel") {
        fields.report(node, invalid: "role ARN label", rule: .onboardingText, OnboardingRules.lineProblems(text, maximum: 200))
        onboarding.roleArnLabel = text
    }
    return onboarding
}

/// The rules of the onboarding texts.
enum OnboardingRules {
    /// One line of 1 to `maximum` characters, no control characters.
    static func lineProblems(_ text: String, maximum: Int = 1000) -> [String] {
        var problems: [String] = []
        let length = text.scalarCount
        if text.allSatisfy(\.isWhitespace) || length > maximum {
            problems.append("it must be 1 to \(maximum) characters of text, not \(length)")
        }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            problems.append("line breaks, tabs and other control characters are not allowed")
        }
        return problems
    }

    /// An e-mail address (`name@host.tld`) or an https URL; nil for anything else.
    static func supportContact(_ text: String) -> SupportContact? {
        if isHTTPSURL(text) { return .url(text) }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !"<>()[]\\,;:\"`".unicodeScalars.contains($0) })
        else { return nil }
        return .email(text)
    }

    /// `https://host/...` without spaces, quotes, angle brackets or control characters.
    static func isHTTPSURL(_ text: String) -> Bool {
        guard text.hasPrefix("https://"), text.utf8.count > 8, text.utf8.count <= 2048 else { return false }
        let host = text.dropFirst(8).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"\"<>\\^`{|}".unicodeScalars.contains($0) }
    }

    /// True for a URL of an S3 bucket, where CloudFormation reads templates from.
    static func isS3URL(_ text: String) -> Bool {
        let host = text.dropFirst(8).prefix { $0 != "/" }.lowercased()
        return host.hasSuffix(".amazonaws.com") || host.hasSuffix(".amazonaws.com.cn") ? host.contains("s3") : false
    }
}
