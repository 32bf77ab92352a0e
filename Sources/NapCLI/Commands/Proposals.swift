import ArgumentParser
import Localization
import PlanKit

struct Proposals: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "proposals",
            abstract: L("List proposals, with their state, changes, comments and approvals.").localized,
            discussion: L("""
            Branches named proposal/* that were pushed with plain git are listed too (without a record).

            Examples:
              nap proposals
              nap proposals --state all --json
            """).localized)
    }

    enum StateFilter: String, ExpressibleByArgument, CaseIterable { case open, merged, withdrawn, all }

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("Which proposals: open, merged, withdrawn or all."))) var state: StateFilter = .open
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/CLI.md)."))) var json = false

    func run() throws {
        let store = try global.openPlan()
        let list = try store.proposalListings().filter { state == .all || $0.statusName == state.rawValue }
        if json {
            try JSONOutput.print(list.map(ProposalListItemJSON.init))
            return
        }
        if list.isEmpty {
            Console.out(state == .open ? L("No open proposals. Start one with `nap propose <name> --title \"...\"`.") : L("No \(Words.state(state.rawValue)) proposals."))
            return
        }
        var table = TextTable(headers: [L("ID"), L("NAME"), L("STATE"), L("AUTHOR"), L("SECTOR"), L("AGE"), L("CHANGES"), L("COMMENTS"), L("APPROVALS"), L("TITLE")])
        table.maximumWidths = [1: 24, 3: 16, 6: 20]
        for item in list {
            let changes = (item.changedCommitments + item.changedFiles).joined(separator: ",")
            let unanswered = item.unansweredCount
            table.rows.append([
                item.id.map(Labels.shortID) ?? "-",
                SafeText.line(item.slug),
                Words.state(item.statusName).localized,
                item.author.map { SafeText.line($0.name) } ?? L("(no record)").localized,
                item.author.map { $0.isPublic ? L("public").localized : Words.sector($0.sector).localized } ?? "-",
                item.opened.map { Labels.age($0) } ?? "-",
                changes.isEmpty ? "-" : changes,
                "\(item.commentCount)" + (unanswered > 0 ? L(" (\(unanswered) unanswered)").localized : ""),
                "\(item.currentApprovals.count)",
                SafeText.line(item.title),
            ])
        }
        Console.out(table.render())
    }
}
