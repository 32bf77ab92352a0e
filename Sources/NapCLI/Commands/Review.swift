import ArgumentParser
import Localization
import PlanKit

struct Review: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "review",
            abstract: L("Approve a proposal's current text, or request changes (members only).").localized,
            discussion: L("""
            A review is bound to the proposal's head: when the proposal changes, an approval goes stale and must be given again.

            Examples:
              nap review political-donations --approve
              nap review political-donations --request-changes -m "請補充預算來源"
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The proposal (name or id prefix)."))) var proposal: String
    @Flag(help: ArgumentHelp(L("Approve the current text."))) var approve = false
    @Flag(help: ArgumentHelp(L("Ask for changes."))) var requestChanges = false
    @Option(name: .shortAndLong, help: ArgumentHelp(L("What you say with the review."))) var message: String?

    func validate() throws {
        guard approve != requestChanges else { throw ValidationError(L("give exactly one of --approve and --request-changes").localized) }
    }

    func run() throws {
        let id = try global.openPlan().review(proposal, verdict: approve ? .approve : .requestChanges, body: message ?? "")
        Console.out(id)
    }
}
