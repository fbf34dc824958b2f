import Foundation
import Testing
@testable import BucketBridge

@Suite("Template loaders")
struct TemplateLoaderTests {
    private func makeDirectory() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bb-loader-\(UUID().uuidString)")
        let files = ["a.md": "A", "sub/b.sh": "B", ".hidden": "H", ".git/c.txt": "C", "sub/.d.txt": "D"]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let outside = root.deletingLastPathComponent().appendingPathComponent("bb-outside-\(UUID().uuidString).txt")
        try "secret".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("escape.txt"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("alias.md"), withDestinationURL: root.appendingPathComponent("a.md"))
        return root
    }

    @Test func directoryLoaderListsVisibleFilesAndRefusesEscapes() throws {
        let root = try makeDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let loader = DirectoryTemplateLoader(root: root.path)
        #expect(try loader.templatePaths() == ["a.md", "alias.md", "sub/b.sh"])
        #expect(try loader.source(of: "sub/b.sh") == "B")
        #expect(try loader.source(of: "alias.md") == "A")
        for refused in ["../\(root.lastPathComponent)/a.md", "/etc/passwd", "sub/../a.md", "./a.md", "escape.txt", ".hidden", "sub", "", "sub//b.sh", "none.md"] {
            #expect(try loader.source(of: refused) == nil, "\(refused)")
        }
    }

    @Test func directoryLoaderThrowsForUnreadableText() throws {
        let root = try makeDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data([0xFF, 0xFE, 0x00]).write(to: root.appendingPathComponent("bad.txt"))
        #expect(throws: TemplateLoaderError.self) { try DirectoryTemplateLoader(root: root.path).source(of: "bad.txt") }
    }

    @Test func overlayPrefersThePrimaryLoader() throws {
        let root = try makeDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let embedded = EmbeddedTemplateLoader(files: ["a.md": "default A", "z.txt": "Z"])
        let overlay = OverlayTemplateLoader(primary: DirectoryTemplateLoader(root: root.path), fallback: embedded)
        #expect(try overlay.templatePaths() == ["a.md", "alias.md", "sub/b.sh", "z.txt"])
        #expect(try overlay.source(of: "a.md") == "A")
        #expect(try overlay.source(of: "z.txt") == "Z")
        var diagnostics = Diagnostics()
        let set = try TemplateSet(loader: overlay, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(set.render("z.txt", context: [:], diagnostics: &diagnostics) == "Z")
    }
}
