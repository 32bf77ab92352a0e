import Foundation
import NapTestSupport
import Testing

/// nap's errors reach people in the language they ask for (`--lang`), and `--json` stays English.
@Suite struct MessageLanguageCLITests {
    @Test func anErrorIsInChineseWhenAskedAndEnglishOtherwise() throws {
        let h = try NapHarness.founded("lang-error")
        let chinese = try h.nap(["--lang", "zh-Hant", "show", "no-such"])
        #expect(chinese.status == 1)
        #expect(chinese.stderr.contains("找不到名為「no-such」的提案"), "\(chinese.stderr)")
        #expect(!chinese.stderr.contains("no proposal named"), "\(chinese.stderr)")
        let english = try h.nap(["show", "no-such"])
        #expect(english.status == 1)
        #expect(english.stderr.contains("no proposal named 'no-such'"), "\(english.stderr)")
    }

    @Test func jsonStaysEnglishInChinese() throws {
        let h = try NapHarness.founded("lang-json")
        try h.write("plan.yml", try h.read("plan.yml") + "format: 1\n")
        let result = try h.nap(["--lang", "zh-Hant", "validate", "--json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("appears more than once in the same mapping"), "\(result.stdout)")
        #expect(!result.stdout.contains("同一個欄位對照"), "\(result.stdout)")
    }
}
