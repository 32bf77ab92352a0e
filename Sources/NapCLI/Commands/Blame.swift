import ArgumentParser
import Localization
import Foundation
import PlanKit

struct Blame: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "blame",
            abstract: L("Show who wrote each line of a commitment: member, organization, sector, and the proposal it came through.").localized,
            discussion: L("""
            Examples:
              nap blame political-donations
              nap blame 1-1 --rev v1 --json
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("The commitment id."))) var commitment: String
    @Option(help: ArgumentHelp(L("A revision (default: main)."))) var rev: String?
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/CLI.md)."))) var json = false

    struct LineJSON: Encodable {
        let line: Int
        let text: String
        let commit: String
        let name: String
        let email: String
        let member: String?
        let organization: String?
        let sector: String
        let proposal: String?
    }

    func run() throws {
        let lines = try global.openPlan().blame(commitment: commitment, at: rev)
        if json {
            try JSONOutput.print(lines.map {
                LineJSON(line: $0.number, text: $0.text, commit: $0.commit.hex, name: $0.author.name, email: $0.author.email,
                         member: $0.member?.id, organization: $0.member?.organization, sector: $0.sector, proposal: $0.proposal)
            })
            return
        }
        let width = String(lines.count).count
        for line in lines {
            let who = SafeText.line(line.member?.name ?? line.author.name)
            let sector = Words.sector(line.sector).localized
            let org = SafeText.line(line.member?.organization ?? sector)
            let via = SafeText.line(line.proposal ?? L("(founding)").localized)
            let label = DisplayWidth.fit("\(who) · \(org)", 26) + " " + DisplayWidth.fit(sector, 13) + " " + DisplayWidth.fit(via, 20)
            let number = String(repeating: " ", count: width - String(line.number).count) + String(line.number)
            Console.out("\(line.commit.short(8)) \(label) \(number)│ \(SafeText.line(line.text))")
        }
    }
}
