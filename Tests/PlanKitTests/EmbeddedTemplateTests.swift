import Foundation
import PlanKit
import Testing

/// The template built into nap must be exactly `plan-template/`: run `python3 scripts/embed-template.py`
/// after changing the template.
@Suite struct EmbeddedTemplateTests {
    @Test func embeddedCopyEqualsPlanTemplateByteForByte() throws {
        let folder = FormatFixture.root.appendingPathComponent("plan-template").resolvingSymlinksInPath()
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        var onDisk: [String: [UInt8]] = [:]
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            guard url.lastPathComponent != ".DS_Store" else { continue }
            let relative = String(url.resolvingSymlinksInPath().path.dropFirst(folder.path.count + 1))
            onDisk[relative] = [UInt8](try Data(contentsOf: url))
        }
        #expect(!onDisk.isEmpty)
        #expect(PlanTemplate.embeddedFiles.keys.sorted() == onDisk.keys.sorted(),
                "run python3 scripts/embed-template.py")
        for (path, bytes) in onDisk {
            #expect(PlanTemplate.embeddedFiles[path] == bytes, "\(path) differs: run python3 scripts/embed-template.py")
        }
    }

    @Test func theTemplateHasEveryFileAPlanNeeds() {
        for path in ["plan.yml", "members.yml", "GOVERNANCE.md", "README.md", "commitment.md"] {
            #expect(PlanTemplate.embeddedFiles[path]?.isEmpty == false, "\(path)")
        }
        #expect(PlanTemplate.languages == ["zh-Hant", "en"])
    }
}
