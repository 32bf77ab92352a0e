import Foundation
import PlanKit

/// Turns a row of the OGP commitments export (Commitment Title, Full Text, Lead Institution, Start and
/// End Date, the OGP value columns) into a commitment file in the plan format (docs/FORMAT.md), with the
/// Traditional Chinese block written from the Taiwanese texts and `source=` stamped on the English one.
struct CommitmentText {
    /// The plan's period; every commitment and milestone falls inside it.
    static let planStart = 2025
    static let planEnd = 2028

    static let sections: [(key: String, zh: String, en: String)] = [
        ("summary", "簡述", "Brief description"),
        ("problem", "問題界定：承諾事項將涉及哪些公共問題？", "Problem definition"),
        ("causes", "問題成因", "Causes"),
        ("background", "現況：至今已做了哪些努力？", "What has been done so far"),
        ("solution", "承諾事項為何？", "Proposed solution"),
        ("results", "預期成果", "Expected results"),
        ("analysis", "與核心價值的關係", "Analysis"),
    ]

    /// A YAML scalar that reads back as exactly `text` (one line).
    static func quoted(_ text: String) -> String {
        let line = Corpus.clean(text)
        return "\"" + line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The file for `row`, with id `id`.
    static func make(id: String, row: [String: String], corpus: Corpus, random: inout SeededRandom) throws -> String {
        let title = Corpus.clean(row["Commitment Title"] ?? id)
        let sentences = Corpus.englishSentences(row["Full Text"] ?? "")
        let startYear = planStart + Int.random(in: 0...1, using: &random)
        let endYear = min(planEnd, startYear + Int.random(in: 1...3, using: &random))
        let startMonth = Int.random(in: 1...6, using: &random)
        let endMonth = Int.random(in: 6...12, using: &random)
        let start = String(format: "%04d-%02d", startYear, startMonth)
        let end = String(format: "%04d-%02d", endYear, endMonth)
        var lines = ["---", "id: \(id)", "title:", "  zh-Hant: \(quoted(random.pick(corpus.chinesePhrases)))", "  en: \(quoted(title))",
                     "period:", "  start: \(start)", "  end: \(end)", "lead:"]
        let lead = Corpus.clean(row["Lead Institution"] ?? "")
        lines += ["  - zh-Hant: \(random.pick(People.agencies))", "    en: \(quoted(lead.isEmpty || lead == "NA" ? "National Development Council" : String(lead.prefix(200))))"]
        lines += ["supporting:", "  government: []", "  civil-society:", "    - zh-Hant: \(random.pick(People.organisations).1)",
                  "      en: \"A civil society organisation\"", "  others: []", "values:"]
        var values: [String] = []
        if row["OGP Value Access To Information"] == "1" { values.append("transparency") }
        if row["OGP Value Public Accountability"] == "1" { values.append("accountability") }
        if row["OGP Value Civic Participation"] == "1" { values.append("participation") }
        if values.isEmpty { values = ["transparency"] }
        lines += values.map { "  - \($0)" }
        lines.append("milestones:")
        let milestoneCount = Int.random(in: 2...4, using: &random)
        for index in 0..<milestoneCount {
            let year = min(endYear, startYear + index)
            let milestoneStart = year == startYear ? start : String(format: "%04d-01", year)
            let milestoneEnd = year == endYear ? end : String(format: "%04d-12", year)
            lines += ["  - activity:", "      zh-Hant: \(quoted(random.pick(corpus.chinesePhrases)))",
                      "      en: \(quoted(String((sentences.isEmpty ? title : random.pick(sentences)).prefix(300))))",
                      "    output:", "      zh-Hant: \(quoted(random.pick(corpus.chinesePhrases)))",
                      "      en: \(quoted("A published report on milestone \(index + 1)"))",
                      "    start: \(milestoneStart)", "    end: \(milestoneEnd)"]
        }
        lines += ["contact:", "  name: \(random.pick(People.surnames))\(random.pick(People.given))", "  title: 承辦窗口",
                  "  email: contact-\(id)@example.gov.tw", "---", "", "# 繁體中文 {lang=zh-Hant}", ""]
        for section in sections {
            lines += ["## \(section.zh) {#\(section.key)}", ""]
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                lines += [corpus.sentences(Int.random(in: 1...3, using: &random), &random, chinese: true), ""]
            }
        }
        lines += ["# English {lang=en}", ""]
        let perSection = max(1, sentences.count / sections.count)
        for (index, section) in sections.enumerated() {
            lines += ["## \(section.en) {#\(section.key)}", ""]
            var own = Array(sentences.dropFirst(index * perSection).prefix(perSection))
            if own.isEmpty { own = [random.pick(corpus.english)] }
            var paragraph = 0
            while paragraph < own.count {
                lines += [own[paragraph..<min(paragraph + 3, own.count)].joined(separator: " "), ""]
                paragraph += 3
            }
        }
        let text = lines.joined(separator: "\n")
        return try TranslationSource.stamping(text, path: "commitments/\(id).md", primaryLanguage: "zh-Hant")
    }

    /// Commitment 1-1 of Taiwan's first plan, moved four years later so that it falls in this plan's period.
    static func taiwanese(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for key in ["start: ", "end: "] {
                guard let range = line.range(of: key), line[..<range.lowerBound].allSatisfy({ $0 == " " }) else { continue }
                let value = line[range.upperBound...]
                guard value.count >= 4, let year = Int(value.prefix(4)) else { continue }
                return String(line[..<range.upperBound]) + String(year + 4) + value.dropFirst(4)
            }
            return String(line)
        }.joined(separator: "\n")
    }
}
