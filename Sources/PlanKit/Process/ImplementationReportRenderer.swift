import Foundation

/// Writes the implementation report as Markdown, a self-contained HTML page, or CSV (RFC 4180), with
/// OGP's completion scale and "no evidence available" where nothing was recorded. Texts from the record
/// are escaped, never interpreted as markup.
public enum ImplementationReportRenderer {
    /// The label of a status: `Substantial 大致完成`, or no evidence.
    public static func status(_ level: CompletionLevel?) -> String {
        guard let level else { return "No evidence available 無資料" }
        return "\(level.englishName) \(level.chineseName)"
    }

    /// The report as Markdown: one table of milestones per commitment.
    public static func markdown(_ report: ImplementationReport, plan: Plan?) -> String {
        let e = MarkdownRenderer.escape
        var blocks = ["# 執行進度報告 Implementation report"]
        if let plan { blocks.append(plan.languages.compactMap { plan.title[$0] }.map(e).joined(separator: "  \n")) }
        blocks.append("版本 Version: \(e(report.version)) · 截至 As of: \(report.asOf)")
        let overdue = report.overdue.count
        blocks.append("逾期里程碑 Overdue milestones: \(overdue)")
        for commitment in report.commitments {
            var lines = ["## \(e(commitment.id)) \(e(title(commitment.title, plan: plan)))", ""]
            lines.append("主辦機關 Lead agency: \(e(commitment.lead.label))" + (commitment.area.map { " · 領域 Area: \(e($0))" } ?? ""))
            lines.append("")
            lines.append("整體 Overall: " + status(commitment.overall?.report.status))
            lines.append("")
            lines.append(MarkdownRenderer.row(["#", "里程碑 Milestone", "期限 Due", "狀態 Status", "佐證 Evidence", "延遲原因 Reason for delay"]))
            lines.append("| --- | --- | --- | --- | --- | --- |")
            for milestone in commitment.milestones {
                let evidence = milestone.evidence.isEmpty ? "—" : milestone.evidence.map { "<\($0)>" }.joined(separator: " ")
                lines.append(MarkdownRenderer.row([
                    String(milestone.index), e(title(milestone.activity, plan: plan)), milestone.due?.description ?? "—",
                    status(milestone.status) + (milestone.overdue ? " **逾期 OVERDUE**" : ""), evidence,
                    milestone.delay.map { e(oneLine($0)) } ?? (milestone.overdue ? "未說明 not given" : "—"),
                ]))
            }
            if commitment.owed > 0 { lines.append(""); lines.append("待回應意見 Comments owed a response: \(commitment.owed)") }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The report as one HTML page, with the rendered plan's style.
    public static func html(_ report: ImplementationReport, plan: Plan?) -> String {
        let e = ProseHTML.escape
        var body = ["<header class=\"plan-header\">", "<p class=\"eyebrow\">\(plan.map { e($0.country) } ?? "")</p>",
                    "<h1>執行進度報告 <span lang=\"en\">Implementation report</span></h1>"]
        if let plan { body += plan.languages.compactMap { language in plan.title[language].map { "<p class=\"subtitle\" lang=\"\(e(language))\">\(e($0))</p>" } } }
        body.append("<p>版本 Version: \(e(report.version)) · 截至 As of: \(report.asOf) · 逾期里程碑 Overdue milestones: \(report.overdue.count)</p></header>")
        for commitment in report.commitments {
            body.append("<section class=\"commitment\"><h2><code>\(e(commitment.id))</code> \(e(title(commitment.title, plan: plan)))</h2>")
            body.append("<p>主辦機關 Lead agency: \(e(commitment.lead.label)) · 整體 Overall: \(e(status(commitment.overall?.report.status)))</p>")
            body.append("<div class=\"table-wrap\"><table class=\"stack\"><thead><tr>"
                        + ["#", "里程碑 Milestone", "期限 Due", "狀態 Status", "佐證 Evidence", "延遲原因 Reason for delay"].map { "<th scope=\"col\">\(e($0))</th>" }.joined()
                        + "</tr></thead><tbody>")
            for milestone in commitment.milestones {
                let evidence = milestone.evidence.isEmpty ? "—" : milestone.evidence.map { "<a href=\"\(e($0))\">\(e($0))</a>" }.joined(separator: "<br>")
                body.append("<tr\(milestone.overdue ? " class=\"overdue\"" : "")><td>\(milestone.index)</td><td>\(e(title(milestone.activity, plan: plan)))</td>"
                            + "<td>\(milestone.due.map { e($0.description) } ?? "—")</td><td>\(e(status(milestone.status)))\(milestone.overdue ? " <strong>逾期 OVERDUE</strong>" : "")</td>"
                            + "<td>\(evidence)</td><td>\(milestone.delay.map(e) ?? (milestone.overdue ? "未說明 not given" : "—"))</td></tr>")
            }
            body.append("</tbody></table></div></section>")
        }
        return HTMLDocument.page(language: plan?.primaryLanguage ?? "zh-Hant", title: "執行進度報告 Implementation report", body: body.joined(separator: "\n"), wide: true)
    }

    /// The report as CSV: one row per milestone (columns in docs/CLI.md).
    public static func csv(_ report: ImplementationReport) -> String {
        let header = ["commitment", "milestone", "due", "status", "overdue", "evidence", "reason_for_delay", "lead_agency", "as_of"]
        var rows = [header]
        for commitment in report.commitments {
            for milestone in commitment.milestones {
                rows.append([commitment.id, String(milestone.index), milestone.due?.description ?? "", milestone.status?.rawValue ?? "no-evidence",
                             milestone.overdue ? "true" : "false", milestone.evidence.joined(separator: " "), CSVTable.defused(milestone.delay ?? ""),
                             commitment.lead.label, report.asOf.description])
            }
        }
        return CSVTable.write(rows)
    }

    /// A text in the plan's primary language (or any).
    static func title(_ text: LocalizedText, plan: Plan?) -> String {
        plan?.languages.lazy.compactMap { text[$0] }.first ?? text.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
