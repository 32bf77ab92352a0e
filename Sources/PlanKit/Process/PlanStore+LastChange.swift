import Foundation

extension PlanStore {
    /// The day of the repository's last change: the later commit time of `main` and of the record. Pages
    /// that count days (the current phase, overdue milestones) are dated by it by default, so that the same
    /// repository state always gives the same pages; nil for an empty repository.
    public func lastChangeDay() throws -> PlanDate? {
        var latest: Date?
        for head in [try mainHead(), try record.head()].compactMap({ $0 }) {
            let time = try PlanError.wrap { try repository.commit(head).committer.time }
            if latest.map({ time > $0 }) ?? true { latest = time }
        }
        return latest.flatMap(PlanDate.day(of:))
    }
}
