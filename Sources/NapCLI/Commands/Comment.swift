import ArgumentParser
import Localization
import PlanKit

struct Comment: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "comment",
            abstract: L("Comment on a proposal, on lines of a commitment, or in reply to a comment.").localized,
            discussion: L("""
            Anyone may comment; comments from people who are not members are recorded as public input, and every input from outside government is owed a reasoned response (`nap respond`). Text is Markdown, stored as written.

            Examples:
              nap comment political-donations -m "建議比照美國 48 小時公開"
              nap comment political-donations --on commitments/political-donations.md:12-14 -m "期程太長"
              nap comment political-donations --reply-to 3fa91c2e -m "同意"
              nap comment political-donations --file comment.md
              echo "text" | nap comment political-donations -m -
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The proposal (name or id prefix)."))) var proposal: String
    @Option(name: .shortAndLong, help: ArgumentHelp(L("The comment; - reads standard input."))) var message: String?
    @Option(help: ArgumentHelp(L("Read the comment from a file."))) var file: String?
    @Option(help: ArgumentHelp(L("Anchor to a file the proposal changes, optionally to lines."), valueName: "path[:line[-line]]")) var on: String?
    @Option(help: ArgumentHelp(L("Reply to a comment (its id or a prefix)."), valueName: "comment")) var replyTo: String?
    @Flag(help: ArgumentHelp(L("Print the new comment's id as JSON."))) var json = false

    func run() throws {
        let store = try global.openPlan()
        let text = try TextInput.read(message: message, file: file, what: L("comment"), base: global.workingDirectory)
        let anchor = try on.map(AnchorRequest.parse)
        let id = try store.comment(on: proposal, body: text, anchor: anchor, replyTo: replyTo)
        if json { try JSONOutput.print(["id": id]) } else { Console.out(id) }
    }
}
