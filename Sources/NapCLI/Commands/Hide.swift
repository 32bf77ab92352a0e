import ArgumentParser
import Localization
import PlanKit

struct Hide: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "hide",
            abstract: L("Hide an input from the views, with the reason (co-chairs).").localized,
            discussion: L("""
            The input stays in the record and is still owed a reasoned response (answer it, for example, with \
            `nap respond <comment> --disposition out-of-scope`); views show "hidden by the moderators: <reason>" in its \
            place. TARGET is a comment id prefix, or the proposal itself.

            Examples:
              nap hide political-donations 3fa2c1 -m "含他人個人資料 / personal data of someone else"
              nap hide political-donations political-donations -m "廣告 / advertising"
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The proposal (name or id prefix)."))) var proposal: String
    @Argument(help: ArgumentHelp(L("A comment id prefix, or the proposal itself."))) var target: String
    @Option(name: .shortAndLong, help: ArgumentHelp(L("Why it is hidden (shown in its place)."))) var message: String

    func run() throws {
        let id = try global.openPlan().hide(target, on: proposal, reason: message)
        let what = target == proposal ? L("the text of proposal \(SafeText.line(proposal))") : L("comment \(SafeText.line(target))")
        Console.out(L("Hid \(what) (event \(id.prefix(8)))."))
    }
}
