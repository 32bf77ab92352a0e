import ArgumentParser
import Localization
import PlanKit

struct Switch: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "switch",
            abstract: L("Switch the working tree to a proposal's branch, or to main.").localized,
            discussion: L("""
            Never overwrites uncommitted changes: save or stash them first.

            Examples:
              nap switch political-donations
              nap switch main
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("A proposal (name or id prefix), or main."))) var proposal: String

    func run() throws {
        let branch = try global.openPlan().switchTo(proposal)
        Console.out(L("Switched to \(SafeText.line(branch))."))
    }
}
