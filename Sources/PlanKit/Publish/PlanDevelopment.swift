import Foundation
import GitKit

/// How the plan was developed, for the section OGP's action-plan template asks for: the published
/// timeline, the forum's meetings, the input received by sector and how it was answered. Read from
/// plan.yml's process block and from the record, up to the rendered revision.
public struct PlanDevelopment: Sendable {
    public var process: PlanProcess
    /// The meetings held on or before the revision's day, by date.
    public var meetings: [MeetingRecord]
    /// Inputs (proposals and comments) by the sector of their author (`public` for the public), sorted.
    public var inputsBySector: [(sector: String, count: Int)]
    /// The responses in force by disposition; `none` counts inputs owed a response that have none.
    public var answers: [(disposition: String, count: Int)]
    public var inputCount: Int

    /// Whether there is anything to say.
    public var isEmpty: Bool { process.phases.isEmpty && meetings.isEmpty && inputCount == 0 }
}

extension PlanStore {
    /// The development of the plan up to `revision` (a version, main, a commit).
    public func planDevelopment(at revision: String) throws -> PlanDevelopment {
        try planDevelopment(commit: try resolveRevision(revision), named: revision, cutoff: try time(of: revision))
    }

    /// The development of the plan up to `version` (its commit, and its tagger's time; the commit's time
    /// for a tag without a tagger), without resolving its name again.
    public func planDevelopment(of version: PublishedVersion) throws -> PlanDevelopment {
        let cutoff = try version.time ?? PlanError.wrap { try repository.commit(version.commit).committer.time }
        return try planDevelopment(commit: version.commit, named: version.name, cutoff: cutoff)
    }

    /// The development up to `commit`, called `revision` (the name its counts are kept under), counting
    /// what was given by `cutoff`.
    private func planDevelopment(commit: ObjectID, named revision: String, cutoff: Date) throws -> PlanDevelopment {
        let process = try loadPlan(at: commit).plan?.process ?? PlanProcess()
        let lastDay = PlanDate.day(of: cutoff)
        let meetings = try self.meetings().compactMap { $0.current?.record }
            .filter { meeting in lastDay.map { meeting.date.firstDayNumber <= $0.lastDayNumber } ?? true }
        let counts = try responseCounts(named: revision, cutoff: cutoff)
        return PlanDevelopment(process: process, meetings: meetings, inputsBySector: counts.bySector.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                               answers: counts.byDisposition.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, inputCount: counts.total)
    }
}

extension PlanDevelopment {
    /// The section as a rendering in `languages` shows it, in Markdown (empty when there is nothing to
    /// say): what a reader that keeps renderings (the site) keys them by.
    public func markdown(languages: [String]) -> String {
        DevelopmentSection.markdown(self, languages: languages) ?? ""
    }
}

/// The development section in Markdown and HTML, with labels in every rendered language.
enum DevelopmentSection {
    static func labels(_ languages: [String]) -> [RenderLabels] {
        var seen = Set<String>()
        return languages.map(RenderLabels.init(language:)).filter { seen.insert($0.language).inserted }
    }

    static func label(_ languages: [String], _ path: KeyPath<RenderLabels, String>) -> String {
        labels(languages).map { $0[keyPath: path] }.joined(separator: " ")
    }

    static func phaseName(_ kind: TimelinePhase.Kind, _ languages: [String]) -> String {
        labels(languages).map { $0.language == "zh-Hant" ? kind.chineseName : kind.englishName }.joined(separator: " ")
    }

    static func answer(_ disposition: String) -> String {
        Disposition(rawValue: disposition).map(RenderLabels.disposition) ?? "尚無回應 no response yet"
    }

    static func title(_ meeting: MeetingRecord, _ languages: [String]) -> String {
        languages.lazy.compactMap { meeting.title[$0] }.first ?? meeting.id
    }

    static func markdown(_ development: PlanDevelopment?, languages: [String]) -> String? {
        guard let development, !development.isEmpty else { return nil }
        let e = MarkdownRenderer.escape
        var blocks = ["## " + label(languages, \.development)]
        if !development.process.phases.isEmpty {
            var lines = ["### " + label(languages, \.timeline), ""]
            if let published = development.process.timelinePublished { lines += [label(languages, \.timelinePublished) + " " + published.description, ""] }
            lines.append(MarkdownRenderer.row([label(languages, \.phase), label(languages, \.start), label(languages, \.end)]))
            lines.append("| --- | --- | --- |")
            for phase in development.process.phases {
                lines.append(MarkdownRenderer.row([phaseName(phase.kind, languages), phase.period.start.description, phase.period.end.description]))
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        if !development.meetings.isEmpty {
            var lines = ["### " + label(languages, \.meetings), ""]
            lines.append(MarkdownRenderer.row([label(languages, \.date), label(languages, \.meeting), label(languages, \.attendance), label(languages, \.decisions)]))
            lines.append("| --- | --- | --- | --- |")
            for meeting in development.meetings {
                let decisions = meeting.decisions.map { e($0.slug) + ": " + answer($0.outcome.rawValue) }.joined(separator: "; ")
                lines.append(MarkdownRenderer.row([meeting.date.description, e(title(meeting, languages)) + " (\(meeting.kind.rawValue))",
                                                   "\(meeting.attendees.count) + \(meeting.publicAttendance.values.reduce(0, +))",
                                                   decisions.isEmpty ? "—" : decisions]))
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        if development.inputCount > 0 {
            var lines = ["### " + label(languages, \.inputReceived), "", MarkdownRenderer.row([label(languages, \.sector), label(languages, \.count)]), "| --- | --- |"]
            for (sector, count) in development.inputsBySector { lines.append(MarkdownRenderer.row([e(sector), String(count)])) }
            lines += ["", "### " + label(languages, \.howAnswered), "", MarkdownRenderer.row([label(languages, \.disposition), label(languages, \.count)]), "| --- | --- |"]
            for (disposition, count) in development.answers { lines.append(MarkdownRenderer.row([answer(disposition), String(count)])) }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    static func html(_ development: PlanDevelopment?, languages: [String]) -> String? {
        guard let development, !development.isEmpty else { return nil }
        let e = ProseHTML.escape
        func table(_ headers: [String], _ rows: [[String]]) -> String {
            "<div class=\"table-wrap\"><table><thead><tr>" + headers.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
                + rows.map { "<tr>" + $0.map { "<td>\(e($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody></table></div>"
        }
        var lines = ["<section class=\"development\">", "<h2>\(e(label(languages, \.development)))</h2>"]
        if !development.process.phases.isEmpty {
            lines.append("<h3>\(e(label(languages, \.timeline)))</h3>")
            if let published = development.process.timelinePublished { lines.append("<p>\(e(label(languages, \.timelinePublished))) \(published)</p>") }
            lines.append(table([label(languages, \.phase), label(languages, \.start), label(languages, \.end)],
                               development.process.phases.map { [phaseName($0.kind, languages), $0.period.start.description, $0.period.end.description] }))
        }
        if !development.meetings.isEmpty {
            lines.append("<h3>\(e(label(languages, \.meetings)))</h3>")
            lines.append(table([label(languages, \.date), label(languages, \.meeting), label(languages, \.attendance), label(languages, \.decisions)],
                               development.meetings.map { meeting in
                                   [meeting.date.description, title(meeting, languages) + " (\(meeting.kind.rawValue))",
                                    "\(meeting.attendees.count) + \(meeting.publicAttendance.values.reduce(0, +))",
                                    meeting.decisions.isEmpty ? "—" : meeting.decisions.map { $0.slug + ": " + answer($0.outcome.rawValue) }.joined(separator: "; ")]
                               }))
        }
        if development.inputCount > 0 {
            lines.append("<h3>\(e(label(languages, \.inputReceived)))</h3>")
            lines.append(table([label(languages, \.sector), label(languages, \.count)], development.inputsBySector.map { [$0.sector, String($0.count)] }))
            lines.append("<h3>\(e(label(languages, \.howAnswered)))</h3>")
            lines.append(table([label(languages, \.disposition), label(languages, \.count)], development.answers.map { [answer($0.disposition), String($0.count)] }))
        }
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }
}
