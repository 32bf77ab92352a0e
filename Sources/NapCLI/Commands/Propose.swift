import ArgumentParser
import Localization
import PlanKit

struct Propose: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "propose",
            abstract: L("Start a proposal: a branch off main, recorded with you as its author.").localized,
            discussion: L("""
            Creates the branch proposal/<name> from main, records who opened it (with your sector from members.yml) and switches the working tree to it. Then edit commitments and run `nap save`.

            Examples:
              nap propose political-donations --title "政治獻金再透明化"
              nap propose open-data --title "Open data reuse" --description-file why.md
              nap propose from-a-forge --title "..." --adopt-branch   # a branch pushed with plain git
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The proposal's short name; names its branch proposal/<name>."))) var name: String
    @Option(help: ArgumentHelp(L("The title, one line."))) var title: String
    @Option(help: ArgumentHelp(L("A description (Markdown)."))) var description: String?
    @Option(help: ArgumentHelp(L("Read the description from a file."))) var descriptionFile: String?
    @Flag(help: ArgumentHelp(L("Record an existing proposal/<name> branch that was pushed without nap."))) var adoptBranch = false
    @Flag(help: ArgumentHelp(L("Print the new proposal as JSON."))) var json = false

    func run() throws {
        let store = try global.openPlan()
        let text = (description == nil && descriptionFile == nil) ? "" : try TextInput.read(message: description, file: descriptionFile, what: L("description"), base: global.workingDirectory)
        let state = try store.propose(slug: name, title: title, description: text, adoptBranch: adoptBranch)
        if json {
            try JSONOutput.print(["id": state.id, "slug": state.slug, "branch": "proposal/\(state.slug)", "base": state.base.hex])
        } else {
            Console.out(L("Opened proposal \(SafeText.line(state.slug)) (\(Labels.shortID(state.id))) on branch proposal/\(SafeText.line(state.slug)), from main at \(state.base.short())."))
            Console.out(L("Edit the plan's files, then `nap save -m \"...\"`; others comment with `nap comment \(SafeText.line(state.slug)) -m \"...\"`."))
        }
    }
}
