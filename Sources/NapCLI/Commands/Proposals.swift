import ArgumentParser
import PlanKit

struct Proposals: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposals",
        abstract: "List proposals, with their state, changes, comments and approvals.",
        discussion: """
        Branches named proposal/* that were pushed with plain git are listed too (without a record).

        Examples:
          nap proposals
          nap proposals --state all --json
        """)

    enum StateFilter: String, ExpressibleByArgument, CaseIterable { case open, merged, withdrawn, all }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Which proposals: open, merged, withdrawn or all.") var state: StateFilter = .open
    @Flag(help: "Print JSON (schema in docs/CLI.md).") var json = false

    func run() throws {
        let store = try global.openPlan()
        let list = try store.proposalListings().filter { state == .all || $0.statusName == state.rawValue }
        if json {
            try JSONOutput.print(list.map(ProposalListItemJSON.init))
            return
        }
        if list.isEmpty {
            Console.out(state == .open ? "No open proposals. Start one with `nap propose <name> --title \"...\"`." : "No \(state.rawValue) proposals.")
            return
        }
        var table = TextTable(headers: ["ID", "NAME", "STATE", "AUTHOR", "SECTOR", "AGE", "CHANGES", "COMMENTS", "APPROVALS", "TITLE"])
        table.maximumWidths = [1: 24, 3: 16, 6: 20]
        for item in list {
            let changes = (item.changedCommitments + item.changedFiles).joined(separator: ",")
            let unanswered = item.unansweredCount
            table.rows.append([
                item.id.map(Labels.shortID) ?? "-",
                SafeText.line(item.slug),
                item.statusName,
                item.author.map { SafeText.line($0.name) } ?? "(no record)",
                item.author.map { $0.isPublic ? "public" : $0.sector } ?? "-",
                item.opened.map { Labels.age($0) } ?? "-",
                changes.isEmpty ? "-" : changes,
                "\(item.commentCount)" + (unanswered > 0 ? " (\(unanswered) unanswered)" : ""),
                "\(item.currentApprovals.count)",
                SafeText.line(item.title),
            ])
        }
        Console.out(table.render())
    }
}
