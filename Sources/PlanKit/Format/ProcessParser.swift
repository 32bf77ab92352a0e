import Yams
import Localization

/// Reads the `process:` block of plan.yml: the published timeline and the forum's promises about
/// meetings. Every problem is reported at its place; a timeline whose phases are unknown, repeated,
/// listed out of their order, overlapping or published after co-creation started is an error.
struct ProcessFields {
    let reader: FieldReader
    let fields: Yams.Node.Mapping
    let key: Yams.Node

    /// Bounds of the meeting promises: days up to a year, months up to two years, meetings up to a hundred.
    static let dayRange = 0...366
    static let monthRange = 1...24
    static let meetingRange = 0...100

    func read() -> PlanProcess {
        reader.warnUnknownKeys(fields, known: ["timeline-published", "phases", "minutes-within-days", "agenda-days-before",
                                               "meeting-every-months", "implementation-meetings"], in: .field("process"))
        var process = PlanProcess()
        process.timelinePublished = reader.date(fields, "timeline-published", .field("process.timeline-published"), required: false, owner: key)
        process.minutesWithinDays = reader.integer(fields, "minutes-within-days", .field("process.minutes-within-days"), in: Self.dayRange)
        process.agendaDaysBefore = reader.integer(fields, "agenda-days-before", .field("process.agenda-days-before"), in: Self.dayRange)
        process.meetingEveryMonths = reader.integer(fields, "meeting-every-months", .field("process.meeting-every-months"), in: Self.monthRange)
        process.implementationMeetings = reader.integer(fields, "implementation-meetings", .field("process.implementation-meetings"), in: Self.meetingRange)
        if let (phasesKey, value) = FieldReader.entry(fields, "phases"), let items = reader.sequence(value, .field("process.phases")) {
            process.phases = readPhases(items)
            if let first = process.phases.first {
                if let published = process.timelinePublished {
                    if published.firstDay > first.period.start.firstDay {
                        reader.error(L("the timeline was published on \(published), after \(first.kind.rawValue) started (\(first.period.start)); OGP asks for it to be published before co-creation starts"),
                                     at: FieldReader.entry(fields, "timeline-published")?.value)
                    }
                } else if FieldReader.entry(fields, "timeline-published") == nil {
                    reader.error(L("the timeline has phases but no 'timeline-published:' date (when it was made public)"), at: phasesKey)
                }
            }
        }
        return process
    }

    private func readPhases(_ items: [Yams.Node]) -> [TimelinePhase] {
        var phases: [TimelinePhase] = []
        for (index, item) in items.enumerated() {
            let what = L("process.phases item \(index + 1)")
            guard let mapping = reader.mapping(item, what) else { continue }
            reader.warnUnknownKeys(mapping, known: ["phase", "start", "end"], in: what)
            guard let name = reader.text(mapping, "phase", L("\(what): phase"), required: true, owner: item) else { continue }
            let nameNode = FieldReader.entry(mapping, "phase")?.value
            guard let kind = TimelinePhase.Kind(rawValue: name) else {
                let known = TimelinePhase.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error(L("\(what): '\(name.prefix(40))' is not a phase (use \(known))"), at: nameNode)
                continue
            }
            let start = reader.date(mapping, "start", L("phase \(name) start"), required: true, owner: item)
            let end = reader.date(mapping, "end", L("phase \(name) end"), required: true, owner: item)
            let startNode = FieldReader.entry(mapping, "start")?.value
            guard let start, let end else { continue }
            let period = Period(start: start, end: end)
            guard period.isOrdered else {
                reader.error(L("phase \(name) ends (\(end)) before it starts (\(start))"), at: FieldReader.entry(mapping, "end")?.value)
                continue
            }
            if phases.contains(where: { $0.kind == kind }) {
                reader.error(L("phase \(name) is listed twice"), at: nameNode)
                continue
            }
            if let previous = phases.last {
                if kind < previous.kind {
                    reader.error(L("phase \(name) is listed after \(previous.kind.rawValue); the phases go in their order (\(TimelinePhase.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"), at: nameNode)
                    continue
                }
                if start.firstDay <= previous.period.end.lastDay {
                    reader.error(L("phase \(name) starts on \(start), before \(previous.kind.rawValue) ends (\(previous.period.end)); phases may not overlap"),
                                 at: startNode)
                    continue
                }
            }
            phases.append(TimelinePhase(kind: kind, period: period))
        }
        return phases
    }
}
