import Foundation
import Testing

/// The access key `setup.sh --create-access-key` prints is kept in no file and on no command
/// line: bash before 5.1 (macOS ships 3.2) writes a here-string to a temporary file, and an
/// external command's arguments are visible to every user in `ps`. The deploy test checks the
/// key reaches stdout once and the artifacts folder never; this checks how the script hands it on.
struct SetupScriptSecretTests {
    @Test func theAccessKeyGoesThroughNoHereStringAndNoArgument() throws {
        let template = try String(contentsOf: repositoryRoot.appendingPathComponent("templates/aws-cli/setup.sh"), encoding: .utf8)
        let uses = template.split(separator: "\n").map(String.init).filter {
            $0.contains("$access_key") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#")
        }
        #expect(!uses.isEmpty, "the template no longer prints an access key: update this test")
        for line in uses {
            #expect(!line.contains("<<<"), "a here-string may be a temporary file: \(line)")
            // printf is a bash builtin: its arguments are on no process's command line.
            #expect(line.contains("printf '%s\\n' \"$access_key\" | jq"), "the key handed on other than by printf into a pipe: \(line)")
        }
    }
}
