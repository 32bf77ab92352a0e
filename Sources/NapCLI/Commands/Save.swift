import ArgumentParser
import Localization
import PlanKit

struct Save: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "save",
            abstract: L("Commit your changes to the plan's files as you (plain `git commit` works too).").localized,
            discussion: L("""
            Stages every change in the working tree and commits it to the branch you are on. On a proposal branch the new head is recorded as a revision; approvals given on earlier revisions become stale. After `nap update`, it concludes the merge once conflicts are resolved.

            Example:
              nap save -m "補充里程碑與預期產出"
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Option(name: .shortAndLong, help: ArgumentHelp(L("What the change is."))) var message: String

    func run() throws {
        let result = try global.openPlan().save(message: message)
        let branch = SafeText.line(result.branch)
        Console.out(result.concludedMerge ? L("Saved \(result.commit.short()) on \(branch) (merge concluded).") : L("Saved \(result.commit.short()) on \(branch)."))
    }
}
