import ArgumentParser
import PlanKit

struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Mark a comment's thread resolved.",
        discussion: "Example:\n  nap resolve 3fa91c2e")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The comment id (or a prefix of it).") var comment: String

    func run() throws {
        try global.openPlan().setResolved(comment, resolved: true)
        Console.out("Resolved \(SafeText.line(comment)).")
    }
}

struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen",
        abstract: "Reopen a resolved comment thread.",
        discussion: "Example:\n  nap reopen 3fa91c2e")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The comment id (or a prefix of it).") var comment: String

    func run() throws {
        try global.openPlan().setResolved(comment, resolved: false)
        Console.out("Reopened \(SafeText.line(comment)).")
    }
}
