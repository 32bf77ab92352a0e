import ArgumentParser
import Foundation
import PlanKit

struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "What waits on you: inputs owed a reasoned response, proposals waiting for your review.",
        discussion: "Examples:\n  nap inbox\n  nap inbox --json")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (schema in docs/CLI.md).") var json = false

    struct InputJSON: Encodable {
        let proposal: String
        let slug: String
        let kind: String
        let id: String
        let author: EventAuthor
        let time: Date
        let text: String
    }

    struct InboxJSON: Encodable {
        let unanswered: [InputJSON]
        let awaitingReview: [ProposalListItemJSON]
        enum CodingKeys: String, CodingKey { case unanswered, awaitingReview = "awaiting_review" }
    }

    func run() throws {
        let inbox = try global.openPlan().inbox()
        if json {
            try JSONOutput.print(InboxJSON(
                unanswered: inbox.unanswered.map { InputJSON(proposal: $0.input.proposal, slug: $0.proposal.slug, kind: $0.input.kind.rawValue,
                                                            id: $0.input.id, author: $0.input.author, time: $0.input.time, text: $0.input.text) },
                awaitingReview: inbox.awaitingReview.map(ProposalListItemJSON.init)))
            return
        }
        if inbox.unanswered.isEmpty && inbox.awaitingReview.isEmpty {
            Console.out("Nothing waits on you.")
            return
        }
        if !inbox.unanswered.isEmpty {
            Console.out("Owed a reasoned response (\(inbox.unanswered.count))")
            for (proposal, input) in inbox.unanswered {
                let what = input.kind == .proposal ? "proposal" : "comment \(Labels.shortID(input.id))"
                Console.out("  \(SafeText.line(proposal.slug))  \(what)  \(Labels.author(input.author))  \(Labels.age(input.time))")
                Console.out("    " + DisplayWidth.fit(SafeText.line(input.text), 72).trimmingCharacters(in: .whitespaces))
            }
            Console.out("  answer with: nap respond <comment|proposal> --disposition ... -m \"reason\"")
        }
        if !inbox.awaitingReview.isEmpty {
            Console.out("Waiting for your review (\(inbox.awaitingReview.count))")
            for summary in inbox.awaitingReview {
                Console.out("  \(SafeText.line(summary.slug))  \(SafeText.line(summary.title))  head \(summary.head?.short() ?? "-")")
            }
        }
    }
}
