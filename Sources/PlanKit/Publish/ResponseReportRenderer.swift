import Foundation

/// Writes the reasoned-response report as Markdown, a self-contained HTML page, or CSV (RFC 4180).
/// Inputs and reasons are shown exactly as written: escaped, never interpreted as markup.
public enum ResponseReportRenderer {
    /// The report as Markdown: a summary table, then each proposal with its inputs and responses.
    public static func markdown(_ report: ResponseReport, plan: Plan?) -> String {
        var blocks = ["# 回應說明報告 Reasoned-response report"]
        if let plan { blocks.append(planTitles(plan).map { MarkdownRenderer.escape($0.title) }.joined(separator: "  \n")) }
        blocks.append(scope(report))
        var summary = ["| | |", "| --- | --- |"]
        for (label, value) in summaryRows(report) { summary.append(MarkdownRenderer.row([label, MarkdownRenderer.escape(value)])) }
        blocks.append(summary.joined(separator: "\n"))
        for (number, group) in groups(report).enumerated() {
            let head = group[0]
            blocks.append("## \(number + 1). \(MarkdownRenderer.escape(head.proposalSlug)) \(MarkdownRenderer.escape(head.proposalTitle)) (\(head.proposalStatus))")
            for input in group {
                var lines = ["### " + kindLabel(input) + " — " + MarkdownRenderer.escape(input.authorLabel) + " (\(sectorLabel(input))) · " + time(input.time)]
                lines.append("")
                lines.append(quote(input.text))
                lines.append("")
                if let response = input.response {
                    lines.append("**處理結果 Disposition:** " + RenderLabels.disposition(response.disposition)
                                 + " — " + MarkdownRenderer.escape(response.author.name) + " (\(response.author.sectorLabel)) · " + time(response.time))
                    lines.append("")
                    lines.append(quote(response.reason))
                    for earlier in input.earlierResponses.reversed() {
                        lines.append("")
                        lines.append("*修訂前的回應 Earlier response (revised):* " + RenderLabels.disposition(earlier.disposition) + " · " + time(earlier.time)
                                     + " — " + MarkdownRenderer.escape(oneLine(earlier.reason)))
                    }
                } else {
                    lines.append("**處理結果 Disposition:** 尚無回應 no response yet" + (input.isOwedResponse ? "" : " (回應非必要 not required: input from government)"))
                }
                blocks.append(lines.joined(separator: "\n"))
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The report as one HTML page (same scaffolding and style as a rendered plan).
    public static func html(_ report: ResponseReport, plan: Plan?) -> String {
        let e = ProseHTML.escape
        var body = ["<header class=\"plan-header\">", "<p class=\"eyebrow\">\(plan.map { e($0.country) } ?? "")</p>",
                    "<h1>回應說明報告 <span lang=\"en\">Reasoned-response report</span></h1>"]
        if let plan {
            body += planTitles(plan).map { "<p class=\"subtitle\" lang=\"\(e($0.language))\">\(e($0.title))</p>" }
        }
        body.append("<p>\(e(scope(report)))</p>")
        body.append("<div class=\"table-wrap\"><table class=\"summary-table\"><tbody>")
        for (label, value) in summaryRows(report) { body.append("<tr><th scope=\"row\">\(e(label))</th><td>\(e(value))</td></tr>") }
        body.append("</tbody></table></div></header>")
        let headers = ["#", "意見 Input", "提出者 By", "處理結果 Disposition", "理由 Reason"]
        for (number, group) in groups(report).enumerated() {
            let head = group[0]
            body.append("<section class=\"proposal\"><h2>\(number + 1). <code>\(e(head.proposalSlug))</code> \(e(head.proposalTitle)) <small>(\(e(head.proposalStatus)))</small></h2>")
            body.append("<div class=\"table-wrap\"><table class=\"responses stack\"><thead><tr>"
                        + headers.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>")
            for (index, input) in group.enumerated() {
                let by = "\(e(input.authorLabel))<br><small>\(e(sectorLabel(input))) · \(e(time(input.time)))</small>"
                let what = "<small>\(e(kindLabel(input)))</small><div class=\"input-text\">\(e(input.text))</div>"
                var disposition = "<span class=\"\(input.isOwedResponse ? "none-yet" : "earlier")\">尚無回應 <span lang=\"en\">no response yet</span></span>"
                var reason = input.isOwedResponse ? "" : "<small>回應非必要 <span lang=\"en\">not required: input from government</span></small>"
                if let response = input.response {
                    disposition = "<span class=\"disposition\">\(e(RenderLabels.disposition(response.disposition)))</span><br><small>\(e(response.author.name)) · \(e(time(response.time)))</small>"
                    reason = "<div class=\"input-text\">\(e(response.reason))</div>"
                    for earlier in input.earlierResponses.reversed() {
                        reason += "<p class=\"earlier\">修訂前 <span lang=\"en\">earlier</span>: \(e(RenderLabels.disposition(earlier.disposition))) · \(e(time(earlier.time))) — \(e(earlier.reason))</p>"
                    }
                }
                let cells = [("#", "\(index + 1)"), (headers[1], what), (headers[2], by), (headers[3], disposition), (headers[4], reason)]
                body.append("<tr>" + cells.map { label, value in
                    "<td data-label=\"\(e(label))\"\(label == "#" ? " class=\"number\"" : "")>\(value)</td>"
                }.joined() + "</tr>")
            }
            body.append("</tbody></table></div></section>")
        }
        body.append("<footer class=\"colophon\"><p>由 nap 自計畫儲存庫的紀錄（nap/record）產生 · <span lang=\"en\">Generated by nap from the plan's record (nap/record)</span></p></footer>")
        return HTMLDocument.page(language: "zh-Hant", title: "回應說明報告 Reasoned-response report", body: body.joined(separator: "\n"), wide: true)
    }

    /// The columns of the CSV report, in order.
    public static let csvColumns = [
        "input_id", "kind", "proposal_id", "proposal_slug", "proposal_title", "proposal_status", "author", "sector", "role",
        "time", "reply_to", "anchor", "text", "response_required", "disposition", "reason", "responder", "responder_sector",
        "response_time", "earlier_responses", "via_host", "source_platform", "source_id", "source_url", "source_submitted",
    ]

    /// The report as CSV (RFC 4180): a header row, one row per input, CRLF line ends, fields quoted when
    /// they hold a comma, a quote or a line break. UTF-8 without a byte-order mark. A text cell that
    /// starts with `=`, `+`, `-`, `@` or a tab gets a leading `'` so spreadsheets never run it as a formula.
    public static func csv(_ report: ResponseReport) -> String {
        var out = ""
        csvRows(report) { out += $0 }
        return out
    }

    /// The same CSV a row at a time, the header first, each row with its CRLF: for a writer that streams
    /// it to a file instead of holding it whole (the site's download).
    public static func csvRows(_ report: ResponseReport, _ each: (String) throws -> Void) rethrows {
        try each(CSVTable.line(csvColumns))
        for input in report.inputs { try each(csvLine(input)) }
    }

    /// One input's row of the CSV (with its line break).
    public static func csvLine(_ input: ResponseReport.Input) -> String {
        let response = input.response
        let earlier = input.earlierResponses.map { "\($0.disposition.rawValue) (\(iso($0.time)), \($0.author.name)): \($0.reason)" }
        return CSVTable.line([
            input.id, input.kind.rawValue, input.proposal, input.proposalSlug, text(input.proposalTitle), input.proposalStatus,
            text(input.author.name), input.sector, input.author.role ?? "", iso(input.time), input.replyTo ?? "",
            text(input.anchor.map { "\($0.path):\($0.startLine)-\($0.endLine)" } ?? ""), text(input.text),
            input.isOwedResponse ? "yes" : "no", response?.disposition.rawValue ?? "no response yet", text(response?.reason ?? ""),
            text(response?.author.name ?? ""), response.map { $0.author.isPublic ? "public" : $0.author.sector } ?? "",
            response.map { iso($0.time) } ?? "", text(earlier.joined(separator: "\n")), input.author.host ?? "",
            input.source?.platform ?? "", text(input.source?.id ?? ""), text(input.source?.url ?? ""), input.source?.submitted.map(iso) ?? "",
        ])
    }

    /// User text for a spreadsheet cell: formula-like text is defused with a leading `'`.
    static func text(_ value: String) -> String { CSVTable.defused(value) }

    private static func groups(_ report: ResponseReport) -> [[ResponseReport.Input]] {
        var groups: [[ResponseReport.Input]] = []
        for input in report.inputs {
            if let last = groups.last?.first, last.proposal == input.proposal {
                groups[groups.count - 1].append(input)
            } else {
                groups.append([input])
            }
        }
        return groups
    }

    private static func summaryRows(_ report: ResponseReport) -> [(String, String)] {
        var rows: [(String, String)] = [
            ("提案 Proposals", "\(Set(report.inputs.map(\.proposal)).count)"),
            ("意見總數 Inputs", "\(report.inputs.count)"),
            ("已回應 Responded", "\(report.inputs.count - report.unanswered)"),
            ("尚無回應 No response yet", "\(report.unanswered) (\(report.unansweredOwed) 應回應 owed a response)"),
        ]
        for disposition in Disposition.allCases {
            let count = report.inputs.filter { $0.response?.disposition == disposition }.count
            if count > 0 { rows.append((RenderLabels.disposition(disposition), "\(count)")) }
        }
        var bySector: [String: Int] = [:]
        for input in report.inputs { bySector[input.sector, default: 0] += 1 }
        rows.append(("各部門 By sector", bySector.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        return rows
    }

    private static func scope(_ report: ResponseReport) -> String {
        guard let revision = report.revision, let cutoff = report.cutoff else {
            return "紀錄中的所有意見 Every input in the record."
        }
        return "\(revision)（\(time(cutoff))）以前提出的提案及其意見 Proposals opened on or before \(revision) (\(time(cutoff))), with their comments."
    }

    private static func planTitles(_ plan: Plan) -> [(language: String, title: String)] {
        plan.languages.compactMap { language in plan.title[language].map { (language, $0) } }.filter { !$0.title.isEmpty }
    }

    private static func kindLabel(_ input: ResponseReport.Input) -> String {
        switch input.kind {
        case .proposal: "提案 Proposal"
        case .comment:
            "意見 Comment \(input.id.prefix(8))" + (input.replyTo.map { "（回覆 reply to \($0.prefix(8))）" } ?? "")
                + (input.anchor.map { "（on \($0.path):\($0.startLine)-\($0.endLine)）" } ?? "")
        }
    }

    private static func sectorLabel(_ input: ResponseReport.Input) -> String {
        (input.author.isPublic ? "public 民眾" : input.author.sector + (input.author.role.map { $0 == "member" ? "" : " " + $0 } ?? ""))
            + (input.author.host.map { ", via host \($0)" } ?? "")
    }

    /// Text shown as written inside a Markdown quote.
    private static func quote(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { "> " + MarkdownRenderer.escape(String($0)) }.joined(separator: "\n")
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// `2025-03-01 14:05 UTC`.
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    /// `2025-03-01T14:05:00Z`.
    /// RFC 3339 in UTC, whole seconds (the record's format, written by arithmetic: a national report has
    /// a hundred thousand rows, and a date formatter per call cost most of its time).
    static func iso(_ date: Date) -> String {
        Timestamp.format(date)
    }
}
