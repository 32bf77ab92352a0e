import ArgumentParser
import PlanKit

struct Save: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save",
        abstract: "Commit your changes to the plan's files as you (plain `git commit` works too).",
        discussion: """
        Stages every change in the working tree and commits it to the branch you are on. On a proposal branch the new head is recorded as a revision; approvals given on earlier revisions become stale. After `nap update`, it concludes the merge once conflicts are resolved.

        Example:
          nap save -m "補充里程碑與預期產出"
        """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .shortAndLong, help: "What the change is.") var message: String

    func run() throws {
        let result = try global.openPlan().save(message: message)
        Console.out("Saved \(result.commit.short()) on \(SafeText.line(result.branch))\(result.concludedMerge ? " (merge concluded)" : "").")
    }
}
