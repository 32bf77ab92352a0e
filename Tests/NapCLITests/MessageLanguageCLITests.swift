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

    @Test func checkSpeaksChineseAndItsJSONDoesNot() throws {
        let h = try NapHarness.founded("lang-check")
        let chinese = try h.nap(["--lang", "zh-Hant", "check"])
        let english = try h.nap(["check"])
        #expect(chinese.status == english.status)
        #expect(chinese.stdout.contains("最低要求（OGP 參與及共創標準，2021 年）"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("forum-co-chairs: 由政府與公民社會組成的論壇"), "\(chinese.stdout)")
        #expect(english.stdout.contains("forum-co-chairs: A forum of government and civil society"), "\(english.stdout)")
        // The ids and outcome words, which scripts read, are the same in both; so is the JSON, byte for byte.
        #expect(chinese.stdout.contains("PASS  forum-co-chairs") && english.stdout.contains("PASS  forum-co-chairs"))
        let chineseJSON = try h.nap(["--lang", "zh-Hant", "check", "--json"])
        let englishJSON = try h.nap(["check", "--json"])
        let day = { (text: String) in text.split(separator: "\n").filter { !$0.contains("\"at\"") }.joined(separator: "\n") }
        #expect(day(chineseJSON.stdout) == day(englishJSON.stdout))
        #expect(chineseJSON.stdout.contains("A forum of government and civil society"))
    }
}
