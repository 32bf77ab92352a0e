import ArgumentParser
import PlanKit

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a proposal: its text changes, revisions, discussion, reviews and what blocks its merge.",
        discussion: """
        Examples:
          nap show political-donations
          nap show 3fa9 --json
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The proposal (name or id prefix).") var proposal: String
    @Flag(help: "Print JSON (schema in docs/CLI.md).") var json = false

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
