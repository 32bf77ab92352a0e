import PlanKit
import Testing

@Suite struct TranslationTests {
    let plan = Plan.parse(Array(FormatFixture.planYML.utf8)).value

    @Test func theHashIsTheStartOfTheSHA256OfTheNormalisedText() {
        // Computed independently: hashlib.sha256(text.encode()).hexdigest()[:8]
        #expect(TranslationSource.hash(of: "參酌國際資料開放及應用相關政策，並徵詢外部意見，以公私協力強化政府資料開放與再利用機制。") == "a70fb9b5")
        #expect(TranslationSource.hash(of: "a\nb") == TranslationSource.hash(of: "\n  a\r\nb \n\n"))
        #expect(TranslationSource.hash(of: "a\nb") != TranslationSource.hash(of: "a\n\nb"))
        #expect(TranslationSource.isWellFormed(TranslationSource.hash(of: "")))
    }

    @Test func aChangedPrimaryTextMakesTheTranslationStale() {
        let text = FormatFixture.commitment().replacingOccurrences(of: "問題文字。", with: "問題文字，已修改。")
        let diagnostics = Commitment.parse(Array(text.utf8), path: "commitments/1-1.md", plan: plan).diagnostics
        let line = FormatFixture.line(of: "{#problem source=", in: text) ?? 0
        let column = FormatFixture.column(of: "{#problem source=", in: text) ?? 0
        #expect(diagnostics.map(\.description) == [
            "commitments/1-1.md:\(line):\(column): warning: en section 'problem' was translated from an older zh-Hant text; update it, then run `nap commitment translated 1-1`",
        ])
    }

    @Test func aTranslationWithoutSourceIsWarnedAbout() {
        let hash = TranslationSource.hash(of: "成因文字。")
        let text = FormatFixture.commitment().replacingOccurrences(of: "{#causes source=\(hash)}", with: "{#causes}")
        let diagnostics = Commitment.parse(Array(text.utf8), path: "commitments/1-1.md", plan: plan).diagnostics
        #expect(diagnostics.map(\.message) == [
            "en section 'causes' does not record which zh-Hant text it translates; once it matches, run `nap commitment translated 1-1`",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func stampingRecordsTheCurrentHashesAndNothingElse() throws {
        let original = FormatFixture.commitment()
            .replacingOccurrences(of: "問題文字。", with: "問題文字，已修改。")
            .replacingOccurrences(of: "{#causes source=\(TranslationSource.hash(of: "成因文字。"))}", with: "{#causes .note}")
        let crlf = "\u{FEFF}" + original.replacingOccurrences(of: "\n", with: "\r\n")
        let stamped = try TranslationSource.stamping(crlf, primaryLanguage: "zh-Hant")
        #expect(stamped.hasPrefix("\u{FEFF}---\r\n"))
        #expect(!stamped.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let before = crlf.components(separatedBy: "\r\n")
        let after = stamped.components(separatedBy: "\r\n")
        #expect(before.count == after.count)
        let changed = zip(before, after).filter { $0 != $1 }
        #expect(changed.map(\.1) == [
            "## Problem definition: what problem does the commitment address? {#problem source=\(TranslationSource.hash(of: "問題文字，已修改。"))}",
            "## What are the causes of the problem? {#causes .note source=\(TranslationSource.hash(of: "成因文字。"))}",
        ])
        #expect(Commitment.parse(Array(stamped.utf8), path: "commitments/1-1.md", plan: plan).diagnostics.isEmpty)
        #expect(try TranslationSource.stamping(stamped, primaryLanguage: "zh-Hant") == stamped)
    }

    @Test func stampingCanBeLimitedToSections() throws {
        let text = FormatFixture.commitment()
            .replacingOccurrences(of: "問題文字。", with: "問題。")
            .replacingOccurrences(of: "成因文字。", with: "成因。")
        let stamped = try TranslationSource.stamping(text, primaryLanguage: "zh-Hant", sections: [.problem])
        let diagnostics = Commitment.parse(Array(stamped.utf8), path: "commitments/1-1.md", plan: plan).diagnostics
        #expect(diagnostics.map(\.message) == [
            "en section 'causes' was translated from an older zh-Hant text; update it, then run `nap commitment translated 1-1`",
        ])
        #expect(throws: FormatError.self) { try TranslationSource.stamping("no front matter", primaryLanguage: "zh-Hant") }
    }
}
