import ArgumentParser
import Localization
import PlanKit

struct Withdraw: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "withdraw",
            abstract: L("Withdraw a proposal, with the reason (its author or a co-chair).").localized,
            discussion: L("""
            The branch and everything said about the proposal are kept.

            Example:
              nap withdraw open-data -m "已併入 1-1 承諾事項 / merged into commitment 1-1"
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The proposal (name or id prefix)."))) var proposal: String
    @Option(name: .shortAndLong, help: ArgumentHelp(L("Why it is withdrawn."))) var message: String

    func run() throws {
        try global.openPlan().withdraw(proposal, reason: message)
        Console.out(L("Withdrew proposal \(SafeText.line(proposal))."))
    }
}
