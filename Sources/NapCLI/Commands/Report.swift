import ArgumentParser
import Localization
import Foundation
import PlanKit

struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: L("Reports for the public record of the plan's co-creation.").localized,
            subcommands: [ReportResponses.self])
    }
}

struct ReportResponses: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "responses",
            abstract: L("The reasoned-response report (OGP Standard 4): every input and what was decided about it, and why.").localized,
            discussion: L("""
            Lists every proposal and every comment in the record, by whom and for which sector (the public marked as such), on which proposal, with the reasoned response in force (and the earlier ones it revised), or "no response yet". With a revision (e.g. a version), only proposals opened on or before that version's time are included. CSV follows RFC 4180 (UTF-8, no byte-order mark); the columns are documented in docs/PUBLISHING.md.

            Examples:
              nap report responses
              nap report responses v1 --format html -o responses-v1.html
              nap report responses --format csv -o responses.csv
            """).localized)
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html, csv, json }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The report as it stood at this revision's time (a version, a commit): inputs and responses given by then."))) var revision: String?
    @Option(help: ArgumentHelp(L("markdown, html, csv or json."))) var format: Format = .markdown
    @Option(name: .shortAndLong, help: ArgumentHelp(L("Write to this file instead of standard output."))) var output: String?

    func run() throws {
        let store = try global.openPlan()
        let report = try store.responseReport(until: revision)
        let plan = try store.loadPlan(at: try store.resolveRevision(revision ?? "main")).plan
        let text: String
        switch format {
        case .markdown: text = ResponseReportRenderer.markdown(report, plan: plan)
        case .html: text = ResponseReportRenderer.html(report, plan: plan)
        case .csv: text = ResponseReportRenderer.csv(report)
        case .json: text = try ReportJSON.encode(report)
        }
        try OutputFile.write(text, to: output, base: global.workingDirectory)
    }
}

/// The `--format json` shape of the response report (docs/PUBLISHING.md).
enum ReportJSON {
    struct InputJSON: Encodable {
        let id: String
        let kind: String
        let proposal: String
        let proposalSlug: String
        let proposalTitle: String
        let proposalStatus: String
        let author: EventAuthor
        let time: Date
        let text: String
        let replyTo: String?
        let anchor: String?
        let responseRequired: Bool
        let response: ResponseJSON?
        let earlierResponses: [ResponseJSON]
        let source: InputSource?

        enum CodingKeys: String, CodingKey {
            case id, kind, proposal, author, time, text, response, anchor, source
            case proposalSlug = "proposal_slug", proposalTitle = "proposal_title", proposalStatus = "proposal_status"
            case replyTo = "reply_to", responseRequired = "response_required", earlierResponses = "earlier_responses"
        }
    }

    struct ReportJSON: Encodable {
        let revision: String?
        let cutoff: Date?
        let inputs: [InputJSON]
        let unanswered: Int
    }

    static func encode(_ report: ResponseReport) throws -> String {
        let inputs = report.inputs.map { input in
            InputJSON(id: input.id, kind: input.kind.rawValue, proposal: input.proposal, proposalSlug: input.proposalSlug,
                      proposalTitle: input.proposalTitle, proposalStatus: input.proposalStatus, author: input.author, time: input.time,
                      text: input.text, replyTo: input.replyTo,
                      anchor: input.anchor.map { "\($0.path):\($0.startLine)-\($0.endLine)" }, responseRequired: input.isOwedResponse,
                      response: input.response.map(ResponseJSON.init), earlierResponses: input.earlierResponses.map(ResponseJSON.init), source: input.source)
        }
        let value = ReportJSON(revision: report.revision, cutoff: report.cutoff, inputs: inputs, unanswered: report.unanswered)
        return try JSONOutput.string(value) + "\n"
    }
}
