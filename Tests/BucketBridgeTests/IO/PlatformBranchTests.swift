import Foundation
import Testing

/// macOS and Linux: a platform C module (Glibc, Darwin, Musl, ...) may only be used inside its
/// own `#if canImport(...)` branch, and a chain that has a Glibc branch has a Darwin one too.
struct PlatformBranchTests {
    static let platformModules = ["Glibc", "Darwin", "Musl", "Android", "Bionic", "WASILibc", "ucrt", "WinSDK", "CRT"]

    /// Every misuse in one Swift source text, as `line: problem`.
    static func problems(in text: String) -> [String] {
        var problems: [String] = []
        // One entry per open `#if`: the conditions of its branches so far, the current one last.
        var chains: [[String]] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#if ") {
                chains.append([String(line.dropFirst(4))])
            } else if line.hasPrefix("#elseif "), !chains.isEmpty {
                chains[chains.count - 1].append(String(line.dropFirst(8)))
            } else if line == "#else", !chains.isEmpty {
                chains[chains.count - 1].append("else")
            } else if line == "#endif", let chain = chains.popLast() {
                let joined = chain.joined(separator: " ")
                if joined.contains("canImport(Glibc)") != joined.contains("canImport(Darwin)") {
                    problems.append("\(number + 1): a platform #if needs both a canImport(Glibc) and a canImport(Darwin) branch")
                }
            } else if !line.hasPrefix("//") {
                // `line.contains(module)` first: a line that does not name the module cannot match
                // either test, and most lines name none (the regular expression is slow to run).
                for module in platformModules
                where line.contains(module) && (line.contains("import \(module)") || line.range(of: "\\b\(module)\\.", options: .regularExpression) != nil) {
                    let guarded = chains.contains { $0.last?.contains("canImport(\(module))") == true }
                    if !guarded { problems.append("\(number + 1): \(module) used outside #if canImport(\(module))") }
                }
            }
        }
        return problems
    }

    @Test func platformModulesStayInTheirBranches() throws {
        let roots = ["Sources", "Tests"].map { repositoryRoot.appendingPathComponent($0).path }
        var checked = 0
        for root in roots {
            let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            for file in files where file != "BucketBridgeTests/IO/PlatformBranchTests.swift" {
                let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
                #expect(Self.problems(in: text).isEmpty, "\(file): \(Self.problems(in: text))")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test func theCheckFindsMisuse() {
        let wrong = """
            #if canImport(Glibc)
                import Glibc
            #elseif canImport(Darwin)
                import Darwin
                private let systemWrite = Glibc.write
            #endif
            import Musl
            #if canImport(Glibc)
                let x = 1
            #endif
            """
        #expect(Self.problems(in: wrong) == [
            "5: Glibc used outside #if canImport(Glibc)", "7: Musl used outside #if canImport(Musl)",
            "10: a platform #if needs both a canImport(Glibc) and a canImport(Darwin) branch",
        ])
    }
}
