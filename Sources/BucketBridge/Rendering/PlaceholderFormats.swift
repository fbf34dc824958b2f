/// How each format names a destination's placeholders: a CloudFormation parameter, a Terraform
/// variable, an environment variable of `setup.sh` — except the customer's own account id,
/// which every deploying tool already knows (`AWS::AccountId`, `aws_caller_identity`, `aws sts
/// get-caller-identity`), so no format asks for it.
struct PlaceholderFormats {
    /// The destination's placeholders.
    var uses: [PlaceholderUse]

    /// True for a placeholder that stands for the customer's account id.
    func isAccount(_ use: PlaceholderUse) -> Bool { use.fields.contains(.accountId) }

    /// The references templates write, by format.
    var templatePlaceholders: TemplatePlaceholders {
        var yaml: [String: String] = [:]
        var hcl: [String: String] = [:]
        var shell: [String: String] = [:]
        for use in uses where isAccount(use) {
            yaml[use.name] = "AWS::AccountId"
            hcl[use.name] = "data.aws_caller_identity.current.account_id"
            shell[use.name] = "caller_account"
        }
        return TemplatePlaceholders(yaml: .cloudFormation(yaml), hcl: .terraform(hcl), shell: .shell(shell))
    }

    /// The placeholders as templates see them (`placeholders`): each with `name`,
    /// `description`, `fields`, `isAccount`, the names `parameter` (CloudFormation),
    /// `variable` (Terraform, without `var.`) and `environment` (setup.sh), and the `rule`
    /// (`pattern`, "" when none; `minLength` and `maxLength`, 0 when none; `explanation`).
    var jsonValue: JSONValue {
        let references = templatePlaceholders
        return .array(uses.map { use in
            let rule = use.rule
            return [
                "name": .string(use.name),
                "token": .string("<\(use.name)>"),
                "description": .string(use.description),
                "fields": .string(listPhrase(use.fields.map(\.rawValue))),
                "isAccount": .bool(isAccount(use)),
                "parameter": .string(references.yaml(use.name)),
                "variable": .string(String(references.hcl(use.name).dropFirst("var.".count))),
                "environment": .string(references.shell(use.name)),
                "rule": [
                    "pattern": .string(rule.pattern ?? ""),
                    "minLength": .int(rule.minLength ?? 0),
                    "maxLength": .int(rule.maxLength ?? 0),
                    "explanation": .string(rule.explanation),
                    "sentence": .string("\(use.name) must be \(rule.explanation)."),
                ],
            ]
        })
    }
}
