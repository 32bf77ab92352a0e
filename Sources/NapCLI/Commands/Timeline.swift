import ArgumentParser
import Foundation
import Localization
import PlanKit

struct Timeline: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "timeline",
            abstract: L("The plan's published timeline (plan.yml's process block on main) and the phase it is in today.").localized,
            discussion: L("Examples:\n  nap timeline\n  nap timeline --json").localized)
    }

    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/CLI.md)."))) var json = false

    struct PhaseJSON: Encodable {
        let phase: String
        let start: String
        let end: String
        let current: Bool
    }

    struct TimelineJSON: Encodable {
        let timelinePublished: String?
        let today: String
        let currentPhase: String?
        let phases: [PhaseJSON]

        enum CodingKeys: String, CodingKey { case today, phases, timelinePublished = "timeline_published", currentPhase = "current_phase" }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(timelinePublished, forKey: .timelinePublished)
            try container.encode(today, forKey: .today)
            try container.encode(currentPhase, forKey: .currentPhase)
            try container.encode(phases, forKey: .phases)
        }
    }

    func run() throws {
        let store = try global.openPlan()
        let process = try store.loadPlan(at: try store.requireMain()).plan?.process ?? PlanProcess()
        guard let today = PlanDate.day(of: store.now) else { throw PlanError.invalidInput(L("the computer's clock is outside the years nap can count")) }
        let current = process.phase(on: today)
        if json {
            try JSONOutput.print(TimelineJSON(timelinePublished: process.timelinePublished?.description, today: today.description,
                                              currentPhase: current?.kind.rawValue,
                                              phases: process.phases.map { PhaseJSON(phase: $0.kind.rawValue, start: $0.period.start.description,
                                                                                     end: $0.period.end.description, current: $0 == current) }))
            return
        }
        guard !process.phases.isEmpty else {
            Console.out(L("plan.yml on main has no timeline (process: phases). docs/FORMAT.md shows how to publish one."))
            return
        }
        if let published = process.timelinePublished { Console.out(L("Timeline published \(published)")) }
        for phase in process.phases {
            let mark = phase == current ? "▶" : " "
            Console.out("\(mark) \(phase.period.start) – \(phase.period.end)  \(phase.kind.chineseName) \(phase.kind.englishName)")
        }
        Console.out(current.map { Language.current == .traditionalChinese ? L("Today (\(today)): \($0.kind.chineseName).") : L("Today (\(today)): \($0.kind.englishName).") } ?? L("Today (\(today)) is in no phase of the timeline."))
    }
}
