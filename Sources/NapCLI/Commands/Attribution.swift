import ArgumentParser
import Localization
import PlanKit

struct Attribution: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "attribution",
            abstract: L("Who did what, by sector and by person: proposals, merges, lines of the plan, comments, responses.").localized,
            discussion: L("""
            The evidence an independent reviewer asks for: proposals opened and merged, lines of the current plan authored, comments made, reasoned responses given, and the responses each person's inputs received, by disposition.

            Examples:
              nap attribution
              nap attribution --since v1 --json
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("Count only what happened after this published version."))) var since: String?
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/CLI.md)."))) var json = false

    func run() throws {
        let report = try global.openPlan().attribution(since: since)
        if json {
            try JSONOutput.print(report)
            return
        }
        func received(_ tally: AttributionTally) -> String {
            tally.responsesReceived.isEmpty ? "-" : tally.responsesReceived.sorted { $0.key < $1.key }.map { "\(Words.dispositionWord($0.key).localized) \($0.value)" }.joined(separator: ", ")
        }
        let headers = [L("PROPOSED"), L("MERGED"), L("LINES"), L("COMMENTS"), L("RESPONSES GIVEN"), L("RESPONSES RECEIVED")]
        var sectors = TextTable(headers: [L("SECTOR")] + headers)
        for (sector, tally) in report.sectors.sorted(by: { $0.key < $1.key }) {
            sectors.rows.append([Words.sector(sector).localized, "\(tally.proposalsOpened)", "\(tally.proposalsMerged)", "\(tally.linesAuthored)", "\(tally.comments)",
                                 "\(tally.responsesGiven)", received(tally)])
        }
        Console.out(since.map { L("By sector (since \($0))") } ?? L("By sector"))
        Console.out(sectors.render())
        Console.out("")
        var people = TextTable(headers: [L("PERSON"), L("ORGANIZATION"), L("SECTOR")] + headers)
        people.maximumWidths = [0: 22, 1: 20]
        for person in report.people {
            let t = person.tally
            people.rows.append([SafeText.line(person.name), SafeText.line(person.organization ?? "-"), Words.sector(person.sector).localized, "\(t.proposalsOpened)",
                                "\(t.proposalsMerged)", "\(t.linesAuthored)", "\(t.comments)", "\(t.responsesGiven)", received(t)])
        }
        Console.out(L("By person"))
        Console.out(people.render())
    }
}
