import ArgumentParser
import PlanKit

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Approve a proposal's current text, or request changes (members only).",
        discussion: """
        A review is bound to the proposal's head: when the proposal changes, an approval goes stale and must be given again.

        Examples:
          nap review political-donations --approve
          nap review political-donations --request-changes -m "請補充預算來源"
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The proposal (name or id prefix).") var proposal: String
    @Flag(help: "Approve the current text.") var approve = false
    @Flag(help: "Ask for changes.") var requestChanges = false
    @Option(name: .shortAndLong, help: "What you say with the review.") var message: String?

    func validate() throws {
        guard approve != requestChanges else { throw ValidationError("give exactly one of --approve and --request-changes") }
    }

    func run() throws {
        let id = try global.openPlan().review(proposal, verdict: approve ? .approve : .requestChanges, body: message ?? "")
        Console.out(id)
    }
}
