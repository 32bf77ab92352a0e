import Foundation
import Localization
import PlanKit

/// The forum's process as the site shows it, on one day: the published timeline and its current phase,
/// the meetings with the findings on the forum's promises, and implementation of the published plan.
/// The day is the repository's last change unless the builder names one, so the same repository state
/// gives the same pages.
struct SiteProcess {
    /// The day the pages are "as of": the current phase, overdue milestones and meeting gaps count from it.
    let asOf: PlanDate
    /// plan.yml's `process:` block at the revision shown (empty when it has none).
    let timeline: PlanProcess
    let policy: Policy
    /// Meetings with a record in force, in the order of their dates.
    let meetings: [MeetingState]
    let findings: [MeetingsOverview.Finding]
    /// Where each meeting's page is, by meeting id.
    let meetingPaths: [String: String]
    /// Implementation of the published plan; nil before the first version.
    let implementation: ImplementationReport?

    /// The phase the timeline is in on `asOf`.
    var currentPhase: TimelinePhase? { timeline.phase(on: asOf) }

    /// Noon (UTC) of a day, for the reports that count from an instant.
    static func noon(of day: PlanDate) -> Date { Date(timeIntervalSince1970: Double(day.firstDayNumber) * 86_400 + 43_200) }

    /// The site's day: the one asked for, else the day of the repository's last change.
    static func day(from store: PlanStore, requested: PlanDate?) throws -> PlanDate {
        let asOf = try requested ?? store.lastChangeDay() ?? PlanDate.day(of: store.now) ?? PlanDate(year: 2000, month: 1, day: 1)
        guard let asOf else { throw PlanError.invalidInput(L("the site's day is outside the years nap can count")) }
        return asOf
    }

    static func read(from store: PlanStore, plan: Plan?, asOf requested: PlanDate?) throws -> SiteProcess {
        let asOf = try day(from: store, requested: requested)
        let instant = noon(of: asOf)
        let overview = try store.meetingsOverview(now: instant)
        let held = overview.meetings.filter { $0.current != nil }
            .sorted { ($0.current?.record.date.firstDay ?? 0, $0.id) < ($1.current?.record.date.firstDay ?? 0, $1.id) }
        var paths: [String: String] = [:]
        var used = Set<String>()
        for meeting in held {
            var name = SitePaths.safeName(meeting.id)
            while used.contains(name) { name += "-" }
            used.insert(name)
            paths[meeting.id] = SiteLayout.meetingPath(name)
        }
        let implementation = try store.publishedPlan() == nil ? nil : try store.implementationReport(asOf: asOf, now: instant)
        return SiteProcess(asOf: asOf, timeline: plan?.process ?? PlanProcess(), policy: plan?.policy ?? Policy(), meetings: held,
                           findings: overview.findings, meetingPaths: paths, implementation: implementation)
    }
}
