import ArgumentParser
import Foundation
import Localization
import PlanKit

struct Check: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: L("Judge the plan against OGP's minimum requirements, each verdict with its evidence.").localized,
            discussion: L("""
            One verdict per minimum requirement of OGP's Participation and Co-Creation Standards (2021) that the repository can evidence — the forum and its co-chairs and rules, meetings every six months, the repository kept up to date, the timeline published first, time to discuss each merged proposal, a government response to every input in time, two implementation meetings with civil society, a version in the plan's languages — each with the files, commits, events and meetings it rests on. Requirements whose evidence lies outside the repository are listed as "not checkable from the repository", never passed. With --at, only what main, the record and the tags held at the end of that day is judged. Exits 1 when a requirement fails.

            Examples:
              nap check
              nap check --at 2025-06-30 --json
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(L("Judge as of the end of this day (YYYY-MM-DD, UTC)."))) var at: String?
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/CLI.md)."))) var json = false

    func run() throws {
        let store = try global.openPlan()
        let moment = try at.map { text -> Date in
            let day = try OptionValues.date(text, option: "--at")
            return Date(timeIntervalSince1970: Double(day.lastDayNumber + 1) * 86_400 - 1)
        }
        let report = try store.checkRequirements(at: moment)
        Console.raw(json ? try RequirementsRenderer.json(report) : SafeText.display(RequirementsRenderer.text(report, in: Language.current)))
        if report.failed { throw ExitCode(1) }
    }
}
