import ArgumentParser
import PlanKit

struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw a proposal, with the reason (its author or a co-chair).",
        discussion: """
        The branch and everything said about the proposal are kept.

        Example:
          nap withdraw open-data -m "已併入 1-1 承諾事項 / merged into commitment 1-1"
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The proposal (name or id prefix).") var proposal: String
    @Option(name: .shortAndLong, help: "Why it is withdrawn.") var message: String

    func run() throws {
        try global.openPlan().withdraw(proposal, reason: message)
        Console.out("Withdrew proposal \(SafeText.line(proposal)).")
    }
}
