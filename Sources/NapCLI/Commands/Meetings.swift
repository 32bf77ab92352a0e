import ArgumentParser
import Localization
import Foundation
import PlanKit

struct Meetings: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "meetings",
            abstract: L("List the forum's meetings, and the promises about them that were not kept (plan.yml's process block).").localized,
            discussion: L("""
            Each meeting with its date, kind, attendance and decisions. Then what the process block of plan.yml promises and the record does not show: minutes recorded later than minutes-within-days after a meeting, agendas published less than agenda-days-before it, gaps between meetings longer than meeting-every-months, fewer implementation meetings than implementation-meetings. Reported, never enforced.

            Examples:
              nap meetings
              nap meetings --json
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/CLI.md)."))) var json = false

    struct FindingJSON: Encodable {
        let kind: String
        let meeting: String?
        let message: String
    }

    struct MeetingsJSON: Encodable {
        let meetings: [MeetingJSON]
        let findings: [FindingJSON]
        let problems: [String]
    }

    func run() throws {
        let overview = try global.openPlan().meetingsOverview()
        if json {
            try JSONOutput.print(MeetingsJSON(meetings: overview.meetings.compactMap(MeetingJSON.init),
                                              findings: overview.findings.map { FindingJSON(kind: $0.kind, meeting: $0.meeting, message: $0.message) },
                                              problems: overview.problems.map(\.description)))
            return
        }
        let held = overview.meetings.compactMap { $0.current?.record }
        if held.isEmpty {
            Console.out(L("No meetings recorded yet. Record one with `nap meeting add <id> --file <document>`."))
        } else {
            var table = TextTable(headers: [L("DATE"), L("KIND"), L("ID"), L("ATTENDEES"), L("PUBLIC"), L("DECISIONS")])
            for record in held {
                table.rows.append([record.date.description, Words.meetingKind(record.kind.rawValue).localized, SafeText.line(record.id), String(record.attendees.count),
                                   String(record.publicAttendance.values.reduce(0, +)), String(record.decisions.count)])
            }
            Console.out(table.render())
        }
        if !overview.findings.isEmpty {
            Console.out("")
            Console.out(L("Promises not kept (plan.yml process)"))
            for finding in overview.findings { Console.out("  - " + SafeText.line(finding.text.localized)) }
        }
        if !overview.problems.isEmpty {
            Console.out("")
            Console.out(L("Record problems (ignored)"))
            for problem in overview.problems { Console.out("  ! " + SafeText.line(problem.message.localized)) }
        }
    }
}
