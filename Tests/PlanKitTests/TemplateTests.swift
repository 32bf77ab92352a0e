import Foundation
import PlanKit
import Testing

@Suite struct TemplateTests {
    let period = Period(start: PlanDate(year: 2025, month: 1)!, end: PlanDate(year: 2028, month: 12)!)
    let titles: LocalizedText = ["zh-Hant": "第三期開放政府國家行動方案", "en": "Third Open Government National Action Plan"]

    func newPlan() throws -> MemoryFileSource {
        var source = MemoryFileSource()
        for file in try PlanTemplate.files(titles: titles, period: period) { source[file.path] = file.bytes }
        return source
    }

    @Test func newPlanHasOnlyTheCoChairErrors() throws {
        let source = try newPlan()
        #expect(source.files.keys.sorted() == ["GOVERNANCE.md", "README.md", "commitments/.gitkeep", "members.yml", "plan.yml"])
        let diagnostics = validateFormat(source)
        let membersLine = FormatFixture.line(of: "members: []", in: String(decoding: source["members.yml"] ?? [], as: UTF8.self))
        #expect(diagnostics.count == 2, "\(diagnostics.listing)")
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.path == "members.yml" && $0.line == membersLine })
        #expect(diagnostics.map(\.message) == [
            "the forum has no civil-society co-chair (a member with 'sector: civil-society' and 'role: co-chair')",
            "the forum has no government co-chair (a member with 'sector: government' and 'role: co-chair')",
        ])
    }

    @Test func newPlanPassesOnceTwoCoChairsAreAdded() throws {
        var source = try newPlan()
        var members = String(decoding: source["members.yml"] ?? [], as: UTF8.self)
        members = try MembersEditor.adding(Member(id: "ndc", name: "政府代表", email: "gov@example.org", sector: .government, role: .coChair), to: members)
        members = try MembersEditor.adding(Member(id: "cs", name: "公民代表", email: "cs@example.org", sector: .civilSociety, organization: "協會", role: .coChair), to: members)
        source["members.yml"] = Array(members.utf8)
        let diagnostics = validateFormat(source)
        #expect(diagnostics.isEmpty, "\(diagnostics.listing)")
        let contents = PlanValidator().load(source: source)
        #expect(contents.plan?.title == titles)
        #expect(contents.plan?.period == period)
        #expect(contents.plan?.policy == Policy(requireSignatures: true, minDiscussionDays: 14, responseDays: 30))
        // The forum's promises about meetings are settings (GOVERNANCE.md rule 7); the timeline is left to fill in.
        #expect(contents.plan?.process == PlanProcess(minutesWithinDays: 14, agendaDaysBefore: 7, meetingEveryMonths: 6, implementationMeetings: 2))
        #expect(contents.members?.governmentCoChair?.id == "ndc")
        #expect(contents.members?.civilSocietyCoChair?.id == "cs")
    }

    @Test func aNewPlanRequiresSignaturesAndAPlanWithoutTheFieldDoesNot() throws {
        let plan = Plan.parse(try newPlan()["plan.yml"] ?? [])
        #expect(plan.value?.policy.requireSignatures == true, "\(plan.diagnostics.listing)")
        #expect(plan.value?.policy == Policy(requireSignatures: true, minDiscussionDays: 14, responseDays: 30))
        // plan.yml without the field (plans made before the template required signatures): false, as before.
        let older = Plan.parse(Array(FormatFixture.planYML.utf8))
        #expect(!FormatFixture.planYML.contains("require-signatures"))
        #expect(older.value?.policy.requireSignatures == false, "\(older.diagnostics.listing)")
        let policyWithoutTheField = Plan.parse(Array((FormatFixture.planYML + "policy:\n  require-responses: true\n").utf8))
        #expect(policyWithoutTheField.value?.policy == Policy(), "\(policyWithoutTheField.diagnostics.listing)")
        #expect(policyWithoutTheField.value?.policy.hostAttestedApprovals == false, "host-attested approvals do not count unless the plan says so")
        let hosted = Plan.parse(Array((FormatFixture.planYML + "policy:\n  host-attested-approvals: true\n").utf8))
        #expect(hosted.value?.policy.hostAttestedApprovals == true, "\(hosted.diagnostics.listing)")
        #expect(hosted.diagnostics.isEmpty, "\(hosted.diagnostics.listing)")
        // The template can be filled with signatures off (the bench generator does, its record being unsigned):
        // only that value changes.
        let relaxed = try PlanTemplate.files(titles: titles, period: period, requireSignatures: false)
        let relaxedText = String(decoding: relaxed.first { $0.path == "plan.yml" }?.bytes ?? [], as: UTF8.self)
        let text = String(decoding: try newPlan()["plan.yml"] ?? [], as: UTF8.self)
        #expect(relaxedText == text.replacingOccurrences(of: "\n  require-signatures: true\n", with: "\n  require-signatures: false\n"))
        #expect(relaxedText != text)
        #expect(Plan.parse(Array(relaxedText.utf8)).value?.policy == Policy(minDiscussionDays: 14, responseDays: 30))
        // And without a minimum discussion time (the bench generator does, merging on its own schedule).
        let quick = try PlanTemplate.files(titles: titles, period: period, minDiscussionDays: 0)
        let quickText = String(decoding: quick.first { $0.path == "plan.yml" }?.bytes ?? [], as: UTF8.self)
        #expect(quickText == text.replacingOccurrences(of: "\n  min-discussion-days: 14\n", with: "\n  min-discussion-days: 0\n"))
    }

    @Test func planTitlesWithYAMLCharactersAreQuoted() throws {
        let tricky: LocalizedText = ["zh-Hant": "計畫: 第一期 #1", "en": "\"Open\" Government: yes"]
        var source = MemoryFileSource()
        for file in try PlanTemplate.files(titles: tricky, period: period) { source[file.path] = file.bytes }
        let plan = Plan.parse(source["plan.yml"] ?? [])
        #expect(plan.value?.title == tricky, "\(plan.diagnostics.listing)")
    }

    @Test func newCommitmentSaysWhatToFill() throws {
        var source = try newPlan()
        source["members.yml"] = Array(FormatFixture.membersYML.utf8)
        let text = try CommitmentTemplate.make(id: "2-1", titles: ["zh-Hant": "資料開放", "en": "Open data"],
                                               languages: ["zh-Hant", "en"], period: period)
        source["commitments/2-1.md"] = Array(text.utf8)
        let diagnostics = validateFormat(source)
        #expect(diagnostics.onlyWarnings.isEmpty, "\(diagnostics.onlyWarnings.listing)")
        #expect(diagnostics.allSatisfy { $0.path == "commitments/2-1.md" })
        let messages = diagnostics.map(\.message)
        for key in SectionKey.allCases where key.isRequired {
            #expect(messages.contains { $0.hasPrefix("zh-Hant section '\(key.rawValue)' is empty") })
            #expect(messages.contains { $0.hasPrefix("en section '\(key.rawValue)' is empty") })
        }
        #expect(messages.contains { $0.hasPrefix("values is empty") })
        #expect(messages.contains { $0.hasPrefix("milestone 1: the output (a verifiable deliverable) has no zh-Hant text") })
        #expect(messages.contains { $0.hasPrefix("milestone 1: end (the due date) is empty") })
        #expect(messages.contains { $0.hasPrefix("contact name is empty") })
        #expect(!messages.contains { $0.contains("title") && !$0.contains("contact") }, "\(diagnostics.listing)")
        let commitment = Commitment.parse(Array(text.utf8), path: "commitments/2-1.md", plan: nil).value
        #expect(commitment?.id == "2-1")
        #expect(commitment?.title == ["zh-Hant": "資料開放", "en": "Open data"])
        #expect(commitment?.period == period)
    }

    @Test func newCommitmentInAThirdLanguage() throws {
        let text = try CommitmentTemplate.make(id: "3-1", titles: ["zh-Hant": "測試", "en": "Test", "ja": "テスト"],
                                               languages: ["zh-Hant", "en", "ja"], period: period)
        var plan = FormatFixture.planYML.replacingOccurrences(of: "  - en\n", with: "  - en\n  - ja\n")
        plan = plan.replacingOccurrences(of: "  en: Third", with: "  ja: 第三\n  en: Third")
        let source = MemoryFileSource(texts: ["plan.yml": plan, "members.yml": FormatFixture.membersYML, "GOVERNANCE.md": "x",
                                              "commitments/3-1.md": text])
        let diagnostics = validateFormat(source)
        #expect(diagnostics.contains { $0.message.hasPrefix("ja section 'problem' is empty") }, "\(diagnostics.listing)")
        #expect(diagnostics.contains { $0.message == "milestone 1: the activity has no ja text" }, "\(diagnostics.listing)")
        #expect(!diagnostics.contains { $0.message.contains("there is no ja text") })
        #expect(text.contains("# ja {lang=ja}"))
    }

    @Test func newCommitmentRefusesAnUnsafeID() {
        #expect(throws: FormatError.self) {
            try CommitmentTemplate.make(id: "../x", titles: [:], languages: ["zh-Hant", "en"], period: period)
        }
    }

    @Test func templateHeadingsMatchTheSectionKeys() throws {
        let text = CommitmentTemplate.text
        for key in SectionKey.allCases {
            #expect(text.contains("## \(key.heading(in: "zh-Hant")) {#\(key.rawValue)}"))
            #expect(text.contains("## \(key.heading(in: "en")) {#\(key.rawValue)}"))
        }
    }
}
