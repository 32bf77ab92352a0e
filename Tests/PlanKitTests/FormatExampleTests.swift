import Foundation
import PlanKit
import Testing

/// docs/FORMAT.md's examples (plan.yml, members.yml and commitment 1-1) are a valid plan.
@Suite struct FormatExampleTests {
    /// The fenced blocks that follow `<!-- example: <path> -->` lines in docs/FORMAT.md.
    func examples() throws -> [String: String] {
        let text = try String(contentsOf: FormatFixture.root.appendingPathComponent("docs/FORMAT.md"), encoding: .utf8)
        var result: [String: String] = [:]
        var path: String?
        var body: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if body != nil {
                if line == "````", let current = path {
                    result[current] = (body ?? []).joined(separator: "\n") + "\n"
                    body = nil
                    path = nil
                } else {
                    body?.append(line)
                }
            } else if line.hasPrefix("<!-- example: "), line.hasSuffix(" -->") {
                path = String(line.dropFirst("<!-- example: ".count).dropLast(" -->".count))
            } else if path != nil, line.hasPrefix("````") {
                body = []
            }
        }
        return result
    }

    @Test func theExamplesValidateWithoutAnyDiagnostic() throws {
        var files = try examples()
        #expect(files.keys.sorted() == ["commitments/1-1.md", "members.yml", "plan.yml"])
        files["GOVERNANCE.md"] = "# Rules\n"
        let contents = PlanValidator().load(source: MemoryFileSource(texts: files))
        #expect(contents.diagnostics.isEmpty, "\(contents.diagnostics.listing)")
        let commitment = try #require(contents.commitments.first)
        #expect(commitment.id == "1-1")
        #expect(commitment.title["zh-Hant"] == "完備政府資料開放與再利用制度")
        #expect(commitment.period == Period(start: PlanDate(year: 2021, month: 1)!, end: PlanDate(year: 2024, month: 5)!))
        #expect(commitment.lead == [["zh-Hant": "國家發展委員會", "en": "National Development Council"]])
        #expect(commitment.supporting.government.count == 1)
        #expect(commitment.values == [.transparency, .accountability, .participation])
        #expect(commitment.milestones.count == 6)
        #expect(commitment.milestones.last?.end == PlanDate(year: 2024, month: 5))
        #expect(commitment.sdgs == [16])
        #expect(commitment.sections.count == 16)
        #expect(commitment.section(.additional, in: "zh-Hant")?.text == "本承諾事項與智慧政府行動方案、永續發展目標核心目標16相關。")
        for key in SectionKey.allCases {
            let english = try #require(commitment.section(key, in: "en"))
            let chinese = try #require(commitment.section(key, in: "zh-Hant"))
            #expect(english.source == TranslationSource.hash(of: chinese.text))
        }
        #expect(contents.members?.governmentCoChair?.id == "gov-cochair")
        #expect(contents.plan?.policy == Policy(requireSignatures: true, minDiscussionDays: 14, responseDays: 30))
        #expect(contents.plan?.process.phases.map(\.kind) == TimelinePhase.Kind.allCases)
        #expect(contents.plan?.process.meetingEveryMonths == 6)
    }
}
