import ArgumentParser
import Localization
import Foundation
import PlanKit

struct InboxCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "inbox",
            abstract: L("What waits on you: inputs owed a reasoned response, proposals waiting for your review.").localized,
            discussion: L("Examples:\n  nap inbox\n  nap inbox --json").localized)
    }

    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/CLI.md)."))) var json = false

    struct InputJSON: Encodable {
        let proposal: String
        let slug: String
        let kind: String
        let id: String
        let author: EventAuthor
        let time: Date
        let text: String
        /// When the response is due and the whole days left (negative: overdue); null without `response-days`.
        let due: Date?
        let daysLeft: Int?
        /// `author`, `co-chair` or `lead-agency`: why the input is in this inbox.
        let reason: String

        enum CodingKeys: String, CodingKey { case proposal, slug, kind, id, author, time, text, due, reason, daysLeft = "days_left" }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(proposal, forKey: .proposal)
            try container.encode(slug, forKey: .slug)
            try container.encode(kind, forKey: .kind)
            try container.encode(id, forKey: .id)
            try container.encode(author, forKey: .author)
            try container.encode(time, forKey: .time)
            try container.encode(text, forKey: .text)
            try container.encode(due, forKey: .due)
            try container.encode(daysLeft, forKey: .daysLeft)
            try container.encode(reason, forKey: .reason)
        }
    }

    struct OverdueJSON: Encodable {
        let commitment: String
        let milestone: Int
        let due: String?
        let daysLate: Int
        let status: String
        enum CodingKeys: String, CodingKey { case commitment, milestone, due, status, daysLate = "days_late" }
    }

    struct ProgressCommentJSON: Encodable {
        let commitment: String
        let id: String
        let report: String
        let author: EventAuthor
        let time: Date
        let text: String
        let due: Date?
        let daysLeft: Int?
        enum CodingKeys: String, CodingKey { case commitment, id, report, author, time, text, due, daysLeft = "days_left" }
    }

    struct InboxJSON: Encodable {
        let unanswered: [InputJSON]
        let awaitingReview: [ProposalListItemJSON]
        let overdueMilestones: [OverdueJSON]
        let progressComments: [ProgressCommentJSON]
        enum CodingKeys: String, CodingKey {
            case unanswered, awaitingReview = "awaiting_review", overdueMilestones = "overdue_milestones", progressComments = "progress_comments"
        }
    }

    func run() throws {
        let inbox = try global.openPlan().inbox()
        if json {
            try JSONOutput.print(InboxJSON(
                unanswered: inbox.unanswered.map { InputJSON(proposal: $0.input.proposal, slug: $0.proposal.slug, kind: $0.input.kind.rawValue,
                                                            id: $0.input.id, author: $0.input.author, time: $0.input.time, text: $0.input.text,
                                                            due: $0.deadline?.due, daysLeft: $0.deadline?.daysLeft, reason: $0.reason) },
                awaitingReview: inbox.awaitingReview.map(ProposalListItemJSON.init),
                overdueMilestones: inbox.implementation.overdue.map {
                    OverdueJSON(commitment: $0.commitment, milestone: $0.milestone.index, due: $0.milestone.due?.description, daysLate: $0.daysLate,
                                status: $0.milestone.status?.rawValue ?? "no-evidence")
                },
                progressComments: inbox.implementation.owed.map {
                    ProgressCommentJSON(commitment: $0.commitment, id: $0.comment.id, report: $0.comment.target, author: $0.comment.author,
                                        time: $0.comment.time, text: $0.comment.body, due: $0.deadline?.due, daysLeft: $0.deadline?.daysLeft)
                }))
            return
        }
        let work = inbox.implementation
        if inbox.unanswered.isEmpty && inbox.awaitingReview.isEmpty && work.overdue.isEmpty && work.owed.isEmpty {
            Console.out(L("Nothing waits on you."))
            return
        }
        if !inbox.unanswered.isEmpty {
            Console.out(L("Owed a reasoned response (\(inbox.unanswered.count))"))
            for owed in inbox.unanswered {
                let input = owed.input
                let what = input.kind == .proposal ? L("the proposal").localized : L("comment \(Labels.shortID(input.id))").localized
                let when = owed.deadline.map { $0.text.localized.uppercased() } ?? Labels.age(input.time)
                Console.out("  \(SafeText.line(owed.proposal.slug))  \(what)  \(Labels.author(input.author))  \(when)")
                Console.out("    " + DisplayWidth.fit(SafeText.line(input.text), 72).trimmingCharacters(in: .whitespaces))
            }
            Console.out(L("  answer with: nap respond <comment|proposal> --disposition ... -m \"reason\""))
        }
        if !inbox.awaitingReview.isEmpty {
            Console.out(L("Waiting for your review (\(inbox.awaitingReview.count))"))
            for summary in inbox.awaitingReview {
                Console.out(L("  \(SafeText.line(summary.slug))  \(SafeText.line(summary.title))  head \(summary.head?.short() ?? "-")"))
            }
        }
        if !work.overdue.isEmpty {
            Console.out(L("Overdue milestones of commitments your agency leads (\(work.overdue.count))"))
            for item in work.overdue {
                let status = (item.milestone.status.map(MessageWords.completion) ?? L("no evidence")).localized
                Console.out(L("  \(SafeText.line(item.commitment)) milestone \(item.milestone.index)  due \(item.milestone.due?.description ?? "-")  \(item.daysLate) days late  \(status)"))
            }
            Console.out(L("  report with: nap progress <commitment> --milestone N --status ... --delay \"why\" -m \"what was done\""))
        }
        if !work.owed.isEmpty {
            Console.out(L("Comments on your progress reports owed a reasoned response (\(work.owed.count))"))
            for item in work.owed {
                let when = item.deadline.map { $0.text.localized.uppercased() } ?? Labels.age(item.comment.time)
                Console.out(L("  \(SafeText.line(item.commitment))  comment \(Labels.shortID(item.comment.id))  \(Labels.author(item.comment.author))  \(when)"))
                Console.out("    " + DisplayWidth.fit(SafeText.line(item.comment.body), 72).trimmingCharacters(in: .whitespaces))
            }
        }
    }
}
