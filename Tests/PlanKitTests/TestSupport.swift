import Foundation
import GitKit
import PlanKit

/// Fixtures and helpers shared by the PlanKit tests.
enum FormatFixture {
    /// The project's root folder, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let planYML = """
        format: 1
        title:
          zh-Hant: 第三期開放政府國家行動方案
          en: Third Open Government National Action Plan
        country: Taiwan
        period:
          start: 2025-01
          end: 2028-12
        languages:
          - zh-Hant
          - en

        """

    static let membersYML = """
        members:
          - id: gov-chair
            name: 林政府
            email: gov.chair@example.org
            sector: government
            role: co-chair
          - id: cs-chair
            name: 陳公民
            email: cs.chair@example.org
            sector: civil-society
            organization: 公民團體
            role: co-chair

        """

    static let governance = "# 規則\n\n# Rules\n"

    /// A small valid commitment in zh-Hant and en, with correct translation hashes.
    static func commitment(id: String = "1-1") -> String {
        let sections: [(SectionKey, String, String)] = [
            (.summary, "簡述文字。", "Summary text."),
            (.problem, "問題文字。", "Problem text."),
            (.causes, "成因文字。", "Causes text."),
            (.background, "現況文字。", "Background text."),
            (.solution, "方案文字。", "Solution text."),
            (.results, "成果文字。", "Results text."),
            (.analysis, "分析文字。", "Analysis text."),
        ]
        var text = """
            ---
            id: \(id)
            title:
              zh-Hant: 測試承諾
              en: A test commitment
            period:
              start: 2025-01
              end: 2026-12
            lead:
              - zh-Hant: 國家發展委員會
                en: National Development Council
            values:
              - transparency
              - inclusion
            milestones:
              - activity:
                  zh-Hant: 活動
                  en: Activity
                output:
                  zh-Hant: 產出
                  en: Output
                start: 2025-01
                end: 2025-12
            contact:
              name: 王小姐
              email: contact@example.org
            ---

            # 繁體中文 {lang=zh-Hant}

            """
        for (key, chinese, _) in sections { text += "\n## \(key.heading(in: "zh-Hant")) {#\(key.rawValue)}\n\n\(chinese)\n" }
        text += "\n# English {lang=en}\n"
        for (key, chinese, english) in sections {
            text += "\n## \(key.heading(in: "en")) {#\(key.rawValue) source=\(TranslationSource.hash(of: chinese))}\n\n\(english)\n"
        }
        return text
    }

    /// A valid plan in memory.
    static func validPlan() -> MemoryFileSource {
        MemoryFileSource(texts: [
            "plan.yml": planYML,
            "members.yml": membersYML,
            "GOVERNANCE.md": governance,
            "commitments/1-1.md": commitment(),
        ])
    }

    /// The column (1-based, in Unicode scalars) of `needle` on the first line containing it.
    static func column(of needle: String, in text: String) -> Int? {
        guard let line = text.split(separator: "\n", omittingEmptySubsequences: false).first(where: { $0.contains(needle) }),
              let range = line.range(of: needle) else { return nil }
        return line[..<range.lowerBound].unicodeScalars.count + 1
    }

    /// The file line (1-based) of the first line containing `needle`.
    static func line(of needle: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }
}

extension Array where Element == Diagnostic {
    var onlyErrors: [Diagnostic] { filter { $0.severity == .error } }
    var onlyWarnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// The diagnostics as compiler-style lines, for readable failure messages.
    var listing: String { map(\.description).joined(separator: "\n") }
}

func validateFormat(_ source: MemoryFileSource) -> [Diagnostic] {
    PlanValidator().validate(source: source)
}

/// A valid plan broken in three files: plan.yml without its country, a misspelt sector in members.yml,
/// a commitment without its English title.
func brokenInThreeFiles() -> MemoryFileSource {
    var source = FormatFixture.validPlan()
    source["plan.yml"] = Array(FormatFixture.planYML.replacingOccurrences(of: "country: Taiwan\n", with: "").utf8)
    source["members.yml"] = Array(FormatFixture.membersYML.replacingOccurrences(of: "sector: government", with: "sector: goverment").utf8)
    source["commitments/1-2.md"] = Array(FormatFixture.commitment(id: "1-2").replacingOccurrences(of: "  en: A test commitment\n", with: "").utf8)
    return source
}

/// An authority with a fixed forum and no history: what a test's events are judged by.
struct FixedAuthority: EventAuthority {
    var members: Members
    var requiresSignatures = false
    var merges: [ObjectID: (proposal: String, head: ObjectID)] = [:]

    /// The forum of the record tests: 王向榮 (civil society) and 內政部 (government), members.
    static let forum = FixedAuthority(members: Members([
        Member(id: "g0v-wang", name: "王向榮", email: "wang@g0v.example", sector: .civilSociety),
        Member(id: "moi", name: "內政部", email: "moi@gov.example", sector: .government),
    ]))

    func member(email: String, at time: Date) throws -> Member? { members.member(email: email) }
    func member(id: String, at time: Date) throws -> Member? { members.member(id: id) }
    func isSigned(_ event: Event, by member: Member) throws -> Bool { false }
    func mergeOnMain(_ commit: ObjectID) throws -> (proposal: String, head: ObjectID)? { merges[commit] }
    func isPresentButNotACommit(_ id: ObjectID) -> Bool { false }
}
