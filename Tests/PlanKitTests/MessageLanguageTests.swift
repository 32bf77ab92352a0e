import Foundation
import Localization
import PlanKit
import Testing

/// What PlanKit says reaches people in Traditional Chinese when they read it, and stays English in logs,
/// `--json` and files.
@Suite struct MessageLanguageTests {
    @Test func anErrorIsWordedInEachLanguage() {
        let error = PlanError.notFound(kind: L("proposal"), name: "open-data")
        #expect(error.description == "no proposal named 'open-data'")
        #expect(error.message.resolved(in: .traditionalChinese) == "找不到名為「open-data」的提案")
        #expect(error.hint == nil)
        let dirty = PlanError.dirtyWorkTree(paths: ["plan.yml"])
        #expect(dirty.hint?.resolved(in: .traditionalChinese) == "請先儲存變更（`nap save -m \"...\"`），或以 `git stash` 暫存起來")
    }

    @Test func aPluralIsOneChineseSentence() {
        let one = PlanError.invalidPlan(diagnostics: [Diagnostic(path: "plan.yml", message: L("members.yml is missing"))])
        #expect(one.description == "the plan does not validate (1 error)")
        #expect(one.message.resolved(in: .traditionalChinese) == "行動方案未通過驗證（1 個錯誤）")
        let two = PlanError.invalidPlan(diagnostics: Array(repeating: Diagnostic(path: "plan.yml", message: L("members.yml is missing")), count: 2))
        #expect(two.message.resolved(in: .traditionalChinese) == "行動方案未通過驗證（2 個錯誤）")
    }

    @Test func aDiagnosticIsTranslatedButItsPositionAndJSONAreNot() throws {
        let diagnostics = Plan.parse(Array("format: 1\ncountry: a\nformat: 1\n".utf8)).diagnostics
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.description == "plan.yml:3:1: error: YAML: the key 'format' appears more than once in the same mapping (first on line 1)")
        #expect(diagnostic.resolved(in: .traditionalChinese) == "plan.yml:3:1: 錯誤：YAML：鍵 'format' 在同一個欄位對照中出現不只一次（第一次在第 1 行）")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(diagnostic), as: UTF8.self)
        #expect(json == #"{"column":1,"line":3,"message":"YAML: the key 'format' appears more than once in the same mapping (first on line 1)","path":"plan.yml","severity":"error"}"#)
        let decoded = try JSONDecoder().decode(Diagnostic.self, from: Data(json.utf8))
        #expect(decoded.message == diagnostic.message)
    }

    @Test func everyValidationProblemOfABrokenPlanHasChineseText() {
        let diagnostics = validateFormat(brokenInThreeFiles())
        #expect(!diagnostics.isEmpty)
        for diagnostic in diagnostics {
            let chinese = diagnostic.text.resolved(in: .traditionalChinese)
            #expect(chinese != diagnostic.message, "untranslated: \(diagnostic.message)")
            #expect(chinese.unicodeScalars.contains { $0.properties.isIdeographic }, "\(chinese)")
        }
    }

    @Test func theMergeGateSpeaksChinese() {
        let blocked = PlanError.gateClosed(proposal: "open-data", blockers: [L("the proposal was withdrawn")])
        #expect(blocked.description == "proposal open-data cannot be merged yet:\n  - the proposal was withdrawn")
        #expect(blocked.message.resolved(in: .traditionalChinese) == "提案 open-data 尚不能合併：\n  - 提案已撤回")
    }
}
