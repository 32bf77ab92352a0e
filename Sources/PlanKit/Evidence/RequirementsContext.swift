import Foundation
import GitKit
import Localization

/// What `nap check` reads once and every rule judges: main as it was at the moment asked, its plan and
/// members, the proposals, meetings and versions of the record up to that moment.
struct RequirementsContext {
    /// OGP's "every six months", in days (half of a leap year, rounded up).
    static let sixMonths = 183

    let store: PlanStore
    let at: Date
    let today: PlanDate
    /// The last commit of main's first-parent line made at or before `at`.
    let main: ObjectID?
    let contents: PlanContents
    var plan: Plan? { contents.plan }
    var members: Members { contents.members ?? Members([]) }
    /// Every proposal opened at or before `at`, folded, oldest first.
    let proposals: [ProposalState]
    /// The meetings held on or before `at`'s day (their latest record), by date.
    let meetings: [(state: MeetingState, record: MeetingRecord)]
    /// Versions tagged at or before `at` on main's line.
    let versions: [PublishedVersion]

    init(store: PlanStore, at: Date) throws {
        self.store = store
        self.at = at
        guard let today = PlanDate.day(of: at) else { throw PlanError.invalidInput(L("the moment to check at is outside the years a plan can name")) }
        self.today = today
        let repository = store.repository
        var main: ObjectID?
        if let head = try store.mainHead() {
            for id in try PlanError.wrap({ try repository.walk(from: [head], firstParentOnly: true) })
            where try PlanError.wrap({ try repository.commit(id) }).committer.time <= at {
                main = id
                break
            }
        }
        self.main = main
        contents = try main.map { PlanValidator().load(source: try store.files(at: $0)) }
            ?? PlanContents(plan: nil, members: nil, commitments: [], diagnostics: [])
        let tree = try store.record.tree()
        proposals = try store.record.proposals(in: tree)
            .compactMap { try store.fold(try store.record.events(of: $0.id, in: tree).events) }
            .filter { $0.opened <= at }
            .sorted { ($0.opened, $0.id) < ($1.opened, $1.id) }
        meetings = try store.meetings().compactMap { state in
            guard let current = state.current, current.record.date.firstDayNumber <= today.firstDayNumber else { return nil }
            return (state, current.record)
        }
        versions = try store.publishedVersions().filter { version in
            guard let time = version.time, time <= at, let main else { return false }
            return (try? repository.isAncestor(version.commit, of: main)) == true || version.commit == main
        }
    }

    /// An evidence item for a file at the judged main commit.
    func file(_ path: String, _ note: Message) -> EvidenceItem {
        EvidenceItem(.path, main.map { "\(path)@\($0.short())" } ?? path, note)
    }

    /// The day (UTC) of an instant, as text.
    static func day(_ date: Date) -> String { PlanDate.day(of: date)?.description ?? Timestamp.format(date) }
}
