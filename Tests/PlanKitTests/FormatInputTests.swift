import Foundation
import PlanKit
import Testing

/// Files nap must survive: broken YAML, bad encodings, empty and huge files, CRLF, a BOM.
@Suite struct FormatInputTests {
    @Test func brokenYAMLIsReportedAtItsLineAndColumn() {
        let text = "format: 1\ntitle:\n  zh-Hant: x\n en: y\n"
        let diagnostics = Plan.parse(Array(text.utf8)).diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.description == "plan.yml:4:2: error: YAML: did not find expected key (while parsing a block mapping on line 1)")
    }

    @Test func brokenYAMLInFrontMatterIsReportedAtTheFileLine() {
        // The front matter starts on file line 2, so YAML line 3 is file line 4; the second ':' is the
        // 14th character of that line (columns count characters, not bytes).
        let text = "---\nid: 1-1\ntitle:\n  zh-Hant: 臺灣: x\n  en: y\n---\n"
        let diagnostics = Commitment.parse(Array(text.utf8), path: "commitments/1-1.md", plan: nil).diagnostics
        #expect(diagnostics.map(\.description) == ["commitments/1-1.md:4:14: error: YAML: mapping values are not allowed in this context"])
    }

    @Test func aRepeatedKeyIsReportedWhereItRepeats() {
        let diagnostics = Plan.parse(Array("format: 1\ncountry: a\nformat: 1\n".utf8)).diagnostics
        #expect(diagnostics.map(\.description) == ["plan.yml:3:1: error: YAML: the key 'format' appears more than once in the same mapping (first on line 1)"])
    }

    @Test func impossibleDatesAreErrorsAtTheValue() {
        var source = FormatFixture.validPlan()
        let commitment = FormatFixture.commitment().replacingOccurrences(of: "    end: 2025-12", with: "    end: 2021-13-45")
        source["commitments/1-1.md"] = Array(commitment.utf8)
        let diagnostics = validateFormat(source)
        let line = FormatFixture.line(of: "2021-13-45", in: commitment)
        #expect(diagnostics.map(\.description) == [
            "commitments/1-1.md:\(line ?? 0):10: error: milestone 1: end (the due date): '2021-13-45' is not a date: there is no month 13",
        ], "\(diagnostics.listing)")
    }

    @Test func nonUTF8IsReportedAtTheFirstBadByte() {
        var bytes = Array("format: 1\ncountry: Taiwan\ntitle: 臺灣".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\n".utf8)
        let diagnostics = Plan.parse(bytes).diagnostics
        #expect(diagnostics.map(\.description) == ["plan.yml:3:10: error: the file is not valid UTF-8 (byte 0xFF); save it as UTF-8"])
        // A truncated multi-byte sequence (Big5 or Latin-1 text saved as is) is caught too.
        let latin1: [UInt8] = Array("---\nid: caf".utf8) + [0xE9] + Array("\n---\n".utf8)
        let commitment = Commitment.parse(latin1, path: "commitments/x.md", plan: nil)
        #expect(commitment.value == nil)
        #expect(commitment.diagnostics.map(\.description) == ["commitments/x.md:2:8: error: the file is not valid UTF-8 (byte 0xE9); save it as UTF-8"])
    }

    @Test func emptyFilesSayWhatTheyNeed() {
        var source = FormatFixture.validPlan()
        source["plan.yml"] = []
        source["members.yml"] = Array("\n\n".utf8)
        source["commitments/1-1.md"] = []
        let diagnostics = validateFormat(source)
        #expect(diagnostics.map(\.description) == [
            "commitments/1-1.md:1:1: error: the file is empty; a commitment starts with YAML front matter between '---' lines (see `nap commitment new`)",
            "members.yml:1:1: error: members.yml is empty; it needs a 'members:' list (write 'members: []' for none yet)",
            "plan.yml:1:1: error: plan.yml is empty; it needs format, title, country, period and languages",
        ])
    }

    @Test func aHugeFileIsRefusedQuickly() {
        var source = FormatFixture.validPlan()
        let huge = FormatFixture.commitment() + String(repeating: "政府資料開放。\n", count: 500_000)
        source["commitments/1-1.md"] = Array(huge.utf8)
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        let elapsed = clock.measure { diagnostics = validateFormat(source) }
        #expect(diagnostics.map(\.description) == [
            "commitments/1-1.md:1:1: error: the file is 10.5 MiB; plan files are limited to 1 MiB, so nap does not read it",
        ])
        #expect(elapsed < .seconds(2))
    }

    @Test func crlfLineEndingsKeepPositions() {
        let lf = FormatFixture.commitment().replacingOccurrences(of: "  - inclusion\n", with: "  - openness\n")
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        var source = FormatFixture.validPlan()
        source["commitments/1-1.md"] = Array(lf.utf8)
        let expected = validateFormat(source)
        source["commitments/1-1.md"] = Array(crlf.utf8)
        let actual = validateFormat(source)
        #expect(actual == expected)
        #expect(actual.map(\.description) == [
            "commitments/1-1.md:\(FormatFixture.line(of: "openness", in: lf) ?? 0):5: error: 'openness' is not an OGP value (use transparency, accountability, participation, inclusion)",
        ])
        // The whole valid plan in CRLF validates, translation hashes included.
        var windows = FormatFixture.validPlan()
        for (path, bytes) in windows.files {
            windows[path] = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        }
        #expect(validateFormat(windows).isEmpty)
    }

    @Test func aByteOrderMarkIsAccepted() {
        var source = FormatFixture.validPlan()
        for (path, bytes) in source.files { source[path] = [0xEF, 0xBB, 0xBF] + bytes }
        #expect(validateFormat(source).isEmpty)
        let broken: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("format: 1\ncountry: 臺灣: x\n".utf8)
        #expect(Plan.parse(broken).diagnostics.first.map { "\($0.line):\($0.column)" } == "2:12")
    }

    @Test func frontMatterDelimitersAreRequired() {
        let missing = Commitment.parse(Array("id: 1-1\n".utf8), path: "commitments/1-1.md", plan: nil)
        #expect(missing.diagnostics.map(\.description) == ["commitments/1-1.md:1:1: error: a commitment file starts with a '---' line that opens its YAML front matter"])
        let unclosed = Commitment.parse(Array("---\nid: 1-1\n# 繁體中文 {lang=zh-Hant}\n".utf8), path: "commitments/1-1.md", plan: nil)
        #expect(unclosed.diagnostics.map(\.message) == ["the front matter opened on line 1 is never closed: add a '---' line after its last field"])
    }

    @Test func missingFilesAreReported() {
        let diagnostics = validateFormat(MemoryFileSource())
        #expect(diagnostics.map(\.description) == [
            "GOVERNANCE.md:1:1: warning: GOVERNANCE.md is missing; OGP asks the forum to publish its rules",
            "members.yml:1:1: error: members.yml is missing",
            "plan.yml:1:1: error: plan.yml is missing",
        ])
    }

    @Test func otherFilesInCommitmentsAreWarnedAbout() {
        var source = FormatFixture.validPlan()
        source["commitments/.gitkeep"] = []
        source["commitments/notes.txt"] = Array("x".utf8)
        source["commitments/a..b.md"] = Array("x".utf8)
        let diagnostics = validateFormat(source)
        #expect(diagnostics.map(\.description) == [
            "commitments/a..b.md:1:1: error: the file name is not a safe commitment id: an id cannot contain '..'",
            "commitments/notes.txt:1:1: warning: not a commitment: commitment files end in .md; this file is ignored",
        ])
    }

    @Test func diagnosticsAreSortedAndAllReportedAtOnce() {
        let diagnostics = validateFormat(brokenInThreeFiles())
        #expect(diagnostics == diagnostics.sortedByPosition())
        #expect(Set(diagnostics.map(\.path)) == ["plan.yml", "members.yml", "commitments/1-2.md"], "\(diagnostics.listing)")
        #expect(diagnostics.contains { $0.message == "country is missing (add a 'country:' line)" })
        #expect(diagnostics.contains { $0.message.hasPrefix("member 'gov-chair': 'goverment' is not a sector") })
        #expect(diagnostics.contains { $0.message == "the title has no en text (add a 'en:' line)" })
    }
}
