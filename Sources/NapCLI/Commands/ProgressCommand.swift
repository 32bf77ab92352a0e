import ArgumentParser
import Foundation
import Localization
import PlanKit

extension CompletionLevel: ExpressibleByArgument {}

struct ProgressCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "progress",
            abstract: L("Record and report the implementation of the published plan's commitments.").localized,
            discussion: L("""
            Examples:
              nap progress 1-1 --milestone 2 --status substantial --evidence https://data.gov.tw/standards -m "資料標準草案已公告"
              nap progress report --format md
              nap progress comment 7c01d2aa -m "佐證連結無法開啟"
            """).localized,
            subcommands: [ProgressRecord.self, ProgressReportCommand.self, ProgressComment.self],
            defaultSubcommand: ProgressRecord.self)
    }
}

struct ProgressRecord: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "record",
            abstract: L("Record progress on a commitment of the published plan, or on one of its milestones (its lead agency).").localized,
            discussion: L("""
            Statuses, on OGP's completion scale: not-started, limited, substantial, complete. Only members of the commitment's lead agency (members whose organization is one of its `lead` institutions) record progress; it is signed like every event. `nap progress <commitment> …` is short for `nap progress record <commitment> …`.

            Examples:
              nap progress 1-1 --status limited -m "平台改版進行中"
              nap progress 1-1 --milestone 3 --status limited --delay "諮詢委員遴選延後" -m "公眾諮詢機制草案完成"
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The commitment's id (in the published plan)."))) var commitment: String
    @Option(help: ArgumentHelp(L("The milestone, counted from 1 (default: the commitment as a whole)."))) var milestone: Int?
    @Option(help: ArgumentHelp(L("not-started, limited, substantial or complete."))) var status: CompletionLevel
    @Option(help: ArgumentHelp(L("An address of evidence (repeat)."), valueName: "url")) var evidence: [String] = []
    @Option(name: .shortAndLong, help: ArgumentHelp(L("What was done; - reads standard input."))) var message: String?
    @Option(help: ArgumentHelp(L("Read what was done from a file."))) var file: String?
    @Option(help: ArgumentHelp(L("Why the work is late, when it is."))) var delay: String?
    @Option(help: ArgumentHelp(L("The day the report speaks for (default today)."), valueName: "YYYY-MM-DD")) var date: String?
    @Flag(help: ArgumentHelp(L("Print the event's id as JSON."))) var json = false

    func run() throws {
        let store = try global.openPlan()
        let text = try TextInput.read(message: message, file: file, what: L("progress report"), base: global.workingDirectory)
        let day = try date.map { try OptionValues.date($0, option: "--date") }
        let id = try store.recordProgress(ProgressRequest(commitment: commitment, milestone: milestone, status: status, evidence: evidence,
                                                          text: text, delay: delay, asOf: day))
        if json { try JSONOutput.print(["id": id]) } else { Console.out(id) }
    }
}

struct ProgressComment: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "comment",
            abstract: L("Comment on a progress report; input from outside government is owed a reasoned response (`nap respond`).").localized,
            discussion: L("Examples:\n  nap progress comment 7c01d2aa -m \"佐證連結無法開啟\"").localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The progress report (a prefix of its id)."))) var report: String
    @Option(name: .shortAndLong, help: ArgumentHelp(L("The comment; - reads standard input."))) var message: String?
    @Option(help: ArgumentHelp(L("Read the comment from a file."))) var file: String?
    @Flag(help: ArgumentHelp(L("Print the new comment's id as JSON."))) var json = false

    func run() throws {
        let store = try global.openPlan()
        let text = try TextInput.read(message: message, file: file, what: L("comment"), base: global.workingDirectory)
        let id = try store.commentOnProgress(report, body: text)
        if json { try JSONOutput.print(["id": id]) } else { Console.out(id) }
    }
}

struct ProgressReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: L("Every milestone of the published plan: due date, status (OGP's scale), evidence, reason for any delay.").localized,
            discussion: L("""
            A milestone without any progress recorded is "no evidence available". A milestone is overdue when its due date is before the report's day and it is not complete. CSV columns: commitment, milestone, due, status, overdue, evidence, reason_for_delay, lead_agency, as_of.

            Examples:
              nap progress report
              nap progress report --as-of 2026-06-30 --format html -o progress.html
              nap progress report --format csv -o progress.csv
            """).localized)
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, markdown, html, csv, json }

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("The day the report speaks for (default today)."), valueName: "YYYY-MM-DD")) var asOf: String?
    @Option(help: ArgumentHelp(L("md, html, csv or json."))) var format: Format = .md
    @Option(name: .shortAndLong, help: ArgumentHelp(L("Write to this file instead of standard output."))) var output: String?

    func run() throws {
        let store = try global.openPlan()
        let day = try asOf.map { try OptionValues.date($0, option: "--as-of") }
        let report = try store.implementationReport(asOf: day)
        let plan = try store.publishedPlan()?.contents.plan
        if let day, let period = plan?.period, !period.contains(day) {
            throw PlanError.invalidInput(L("--as-of \(day) is outside the plan's period (\(period))"))
        }
        let text: String
        switch format {
        case .md, .markdown: text = ImplementationReportRenderer.markdown(report, plan: plan)
        case .html: text = ImplementationReportRenderer.html(report, plan: plan)
        case .csv: text = ImplementationReportRenderer.csv(report)
        case .json: text = try JSONOutput.string(ImplementationJSON(report)) + "\n"
        }
        try OutputFile.write(text, to: output, base: global.workingDirectory)
    }
}

/// `nap progress report --format json` (docs/CLI.md).
struct ImplementationJSON: Encodable {
    struct ReportJSON: Encodable {
        let id: String
        let status: String
        let text: String
        let delay: String?
        let asOf: String
        let author: EventAuthor
        let time: Date

        init(_ entry: CommitmentProgress.Entry) {
            id = entry.id
            status = entry.report.status.rawValue
            text = entry.report.text
            delay = entry.report.delay
            asOf = entry.report.asOf.description
            author = entry.author
            time = entry.time
        }

        enum CodingKeys: String, CodingKey { case id, status, text, delay, author, time, asOf = "as_of" }
    }

    struct MilestoneJSON: Encodable {
        let index: Int
        let activity: [String: String]
        let due: String?
        let status: String
        let overdue: Bool
        let evidence: [String]
        let reasonForDelay: String?
        let latest: ReportJSON?

        enum CodingKeys: String, CodingKey { case index, activity, due, status, overdue, evidence, latest, reasonForDelay = "reason_for_delay" }
    }

    struct CommitmentJSON: Encodable {
        let id: String
        let title: [String: String]
        let area: String?
        let leadAgency: [String]
        let leadMembers: [String]
        let overall: ReportJSON?
        let milestones: [MilestoneJSON]
        let owedResponses: Int

        enum CodingKeys: String, CodingKey {
            case id, title, area, overall, milestones
            case leadAgency = "lead_agency", leadMembers = "lead_members", owedResponses = "owed_responses"
        }
    }

    let version: String
    let asOf: String
    let overdue: Int
    let commitments: [CommitmentJSON]

    enum CodingKeys: String, CodingKey { case version, overdue, commitments, asOf = "as_of" }

    init(_ report: ImplementationReport) {
        version = report.version
        asOf = report.asOf.description
        overdue = report.overdue.count
        commitments = report.commitments.map { row in
            CommitmentJSON(id: row.id, title: row.title, area: row.area, leadAgency: row.lead.institutions, leadMembers: row.lead.members.map(\.id),
                           overall: row.overall.map(ReportJSON.init),
                           milestones: row.milestones.map { milestone in
                               MilestoneJSON(index: milestone.index, activity: milestone.activity, due: milestone.due?.description,
                                             status: milestone.status?.rawValue ?? "no-evidence", overdue: milestone.overdue, evidence: milestone.evidence,
                                             reasonForDelay: milestone.delay, latest: milestone.latest.map(ReportJSON.init))
                           },
                           owedResponses: row.owed)
        }
    }
}
