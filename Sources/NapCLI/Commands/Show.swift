import ArgumentParser
import Localization
import PlanKit

struct Show: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: L("Show a proposal: its text changes, revisions, discussion, reviews and what blocks its merge.").localized,
            discussion: L("""
            Examples:
              nap show political-donations
              nap show 3fa9 --json
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The proposal (name or id prefix)."))) var proposal: String
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/CLI.md)."))) var json = false

    func run() throws {
        let detail = try global.openPlan().detail(of: proposal)
        if json {
            try JSONOutput.print(ProposalRendering.json(detail))
        } else {
            Console.out(ProposalRendering.text(detail))
            if !detail.signaturesRequired {
                Console.out("")
                Console.out(SigningGuidance.unauthenticatedNote())
            }
        }
    }
}
