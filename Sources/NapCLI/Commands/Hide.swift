import ArgumentParser
import PlanKit

struct Hide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hide",
        abstract: "Hide an input from the views, with the reason (co-chairs).",
        discussion: """
        The input stays in the record and is still owed a reasoned response (answer it, for example, with \
        `nap respond <comment> --disposition out-of-scope`); views show "hidden by the moderators: <reason>" in its \
        place. TARGET is a comment id prefix, or the proposal itself.

        Examples:
          nap hide political-donations 3fa2c1 -m "含他人個人資料 / personal data of someone else"
          nap hide political-donations political-donations -m "廣告 / advertising"
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The proposal (name or id prefix).") var proposal: String
    @Argument(help: "A comment id prefix, or the proposal itself.") var target: String
    @Option(name: .shortAndLong, help: "Why it is hidden (shown in its place).") var message: String

    func run() throws {
        let id = try global.openPlan().hide(target, on: proposal, reason: message)
        Console.out("Hid \(target == proposal ? "the text of proposal \(SafeText.line(proposal))" : "comment \(SafeText.line(target))") (event \(id.prefix(8))).")
    }
}
