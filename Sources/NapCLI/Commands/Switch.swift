import ArgumentParser
import PlanKit

struct Switch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switch",
        abstract: "Switch the working tree to a proposal's branch, or to main.",
        discussion: """
        Never overwrites uncommitted changes: save or stash them first.

        Examples:
          nap switch political-donations
          nap switch main
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A proposal (name or id prefix), or main.") var proposal: String

    func run() throws {
        let branch = try global.openPlan().switchTo(proposal)
        Console.out("Switched to \(SafeText.line(branch)).")
    }
}
