import Foundation
@testable import NapWeb
import Testing

/// The templates and assets built into nap must be exactly Sources/NapWeb/Resources/: run
/// `python3 scripts/embed-web.py` after changing them.
@Suite struct EmbeddedWebResourcesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/NapWeb/Resources").resolvingSymlinksInPath()

    static func onDisk() throws -> [String: String] {
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        var files: [String: String] = [:]
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            guard url.lastPathComponent != ".DS_Store" else { continue }
            let relative = String(url.resolvingSymlinksInPath().path.dropFirst(folder.path.count + 1))
            files[relative] = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        }
        return files
    }

    @Test func embeddedCopyEqualsTheResourceFilesByteForByte() throws {
        let files = try Self.onDisk()
        #expect(!files.isEmpty)
        #expect(PageTemplates.resourcePaths == files.keys.sorted(), "run python3 scripts/embed-web.py")
        for (path, text) in files {
            #expect(PageTemplates.resource(path) == text, "\(path) differs: run python3 scripts/embed-web.py")
        }
    }

    @Test func everyTemplateParses() throws {
        let templates = try PageTemplates()
        for name in ["layout", "root", "home", "commitment", "commitments", "commitment-text", "proposal", "proposals", "comment",
                     "response", "thread", "versions", "version", "changes", "responses", "forum", "participate", "verify",
                     "accessibility", "feed", "sitemap", "text", "badge"] {
            #expect(templates.names.contains(name), "\(name).mustache is missing")
        }
    }

    /// `{{{x}}}` shows a value unescaped: only fields named `…HTML`, which the views declare as
    /// `TrustedHTML` (escaped text or nap's safe Markdown subset).
    @Test func onlyTrustedHTMLFieldsAreShownUnescaped() throws {
        let triple = try NSRegularExpression(pattern: "\\{\\{\\{\\s*([^}\\s]+)\\s*\\}\\}\\}")
        let ampersand = try NSRegularExpression(pattern: "\\{\\{&")
        for (path, text) in try Self.onDisk() where path.hasSuffix(".mustache") {
            let range = NSRange(text.startIndex..., in: text)
            #expect(ampersand.firstMatch(in: text, range: range) == nil, "\(path) uses {{& …}}")
            for match in triple.matches(in: text, range: range) {
                let name = (text as NSString).substring(with: match.range(at: 1))
                #expect(name.hasSuffix("HTML"), "\(path) shows {{{\(name)}}} unescaped")
            }
        }
        // Every field named …HTML in the views is TrustedHTML.
        let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/NapWeb/Views")
        let declaration = try NSRegularExpression(pattern: "let ([A-Za-z]+HTML): ([A-Za-z]+)")
        var count = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: views.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: views.appendingPathComponent(file), encoding: .utf8)
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                count += 1
                #expect((text as NSString).substring(with: match.range(at: 2)) == "TrustedHTML",
                        "\(file): \((text as NSString).substring(with: match.range(at: 1))) is not TrustedHTML")
            }
        }
        #expect(count >= 8)
    }

    @Test func everyWordATemplateUsesIsInBothLanguages() throws {
        let word = try NSRegularExpression(pattern: "\\{\\{[#^/]?t\\.([A-Za-z0-9]+)\\}\\}")
        var used = Set<String>()
        for (path, text) in try Self.onDisk() where path.hasSuffix(".mustache") {
            for match in word.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert((text as NSString).substring(with: match.range(at: 1)))
            }
        }
        #expect(used.count > 50)
        for name in used.sorted() {
            let entry = WordTable.entries[name]
            #expect(entry != nil, "the word \(name) is missing from WordTable")
            #expect(entry?.zh.isEmpty == false && entry?.en.isEmpty == false, "\(name) is empty in a language")
        }
    }
}
