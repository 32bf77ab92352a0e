import ArgumentParser
import Localization
import PlanKit

struct Merge: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "merge",
            abstract: L("Merge a proposal into main, when both co-chairs approved its current text (co-chairs only).").localized,
            discussion: L("""
            Refuses, listing every reason, while anything blocks the merge (see `nap show`); refuses with exit code 2 and the conflicting files when main has moved in a conflicting way (`nap update` brings main into the proposal). The merge commit's trailers record who proposed, drafted, reviewed and approved.

            Example:
              nap merge political-donations
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The proposal (name or id prefix)."))) var proposal: String
    @Flag(help: ArgumentHelp(L("Print the result as JSON."))) var json = false

    func run() throws {
        let result = try global.openPlan().merge(proposal)
        if json {
            try JSONOutput.print(MergeJSON(commit: result.commit.hex, proposal: result.proposal, slug: result.slug,
                                           signaturesRequired: result.signaturesRequired))
            return
        }
        Console.out(L("Merged proposal \(SafeText.line(result.slug)) into main as \(result.commit.short())."))
        Console.out(ProposalRendering.indent(SafeText.display(result.message), by: "    "))
        if !result.signaturesRequired { Console.out(SigningGuidance.unauthenticatedNote()) }
    }

    /// `nap merge --json` (docs/CLI.md).
    struct MergeJSON: Encodable {
        let commit: String
        let proposal: String
        let slug: String
        let signaturesRequired: Bool

        enum CodingKeys: String, CodingKey {
            case commit, proposal, slug
            case signaturesRequired = "signatures_required"
        }
    }
}

struct Update: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "update",
            abstract: L("Bring main into a proposal (after main moved on), so it can be merged again.").localized,
            discussion: L("""
            Switches to the proposal and merges main into it. A clean merge is saved at once; conflicts are marked in the files (<<<<<<< ======= >>>>>>>) for you to resolve, then `nap save` concludes. Approvals given before go stale: the co-chairs approve the updated text.

            Example:
              nap update political-donations
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The proposal (name or id prefix)."))) var proposal: String

    func run() throws {
        switch try global.openPlan().update(proposal) {
        case .upToDate:
            Console.out(L("Proposal \(SafeText.line(proposal)) already contains main."))
        case .merged(let commit):
            Console.out(L("Brought main into \(SafeText.line(proposal)) as \(commit.short()); ask the co-chairs to approve again."))
        case .conflicts(let paths):
            Console.out(L("Conflicts in: \(paths.map(SafeText.line).joined(separator: ", "))"))
            Console.out(L("Edit them to keep the agreed text, then `nap save -m \"Resolve conflicts with main\"`."))
            throw ExitCode(2)
        }
    }
}
