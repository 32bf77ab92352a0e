import ArgumentParser
import Localization
import PlanKit

struct Resolve: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "resolve",
            abstract: L("Mark a comment's thread resolved.").localized,
            discussion: L("Example:\n  nap resolve 3fa91c2e").localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The comment id (or a prefix of it)."))) var comment: String

    func run() throws {
        try global.openPlan().setResolved(comment, resolved: true)
        Console.out(L("Resolved \(SafeText.line(comment))."))
    }
}

struct Reopen: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "reopen",
            abstract: L("Reopen a resolved comment thread.").localized,
            discussion: L("Example:\n  nap reopen 3fa91c2e").localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The comment id (or a prefix of it)."))) var comment: String

    func run() throws {
        try global.openPlan().setResolved(comment, resolved: false)
        Console.out(L("Reopened \(SafeText.line(comment))."))
    }
}
