import Foundation
import Localization

/// When an input's reasoned response is due under the policy's `response-days` (GOVERNANCE.md rule 6:
/// within 30 days), and how many days are left. Counted from the input's time, in whole days.
public struct ResponseDeadline: Sendable, Equatable {
    /// The moment the response is due.
    public let due: Date
    /// Days left until `due` at the time asked (negative: overdue by that many days).
    public let daysLeft: Int

    /// The deadline of an input written at `time`, seen at `now`; nil when the policy counts no deadline.
    public init?(inputTime time: Date, policy: Policy, now: Date = Date()) {
        guard let days = policy.responseDays else { return nil }
        due = time.addingTimeInterval(Double(days) * 86_400)
        let seconds = due.timeIntervalSince(now)
        guard seconds.isFinite else { return nil }
        // Whole days: time left is rounded up (a day and a half left is "2 days"), time late is counted in
        // whole days past (five days and an hour late is "5 days", a minute late is "1 day"); bounded so that
        // no stated time can trap.
        let bounded = max(-1e9, min(1e9, seconds / 86_400))
        daysLeft = bounded >= 0 ? Int(bounded.rounded(.up)) : -max(1, Int((-bounded).rounded(.down)))
    }

    /// Whether the response is late.
    public var isOverdue: Bool { daysLeft < 0 }

    /// `due in 12 days`, `due now`, `overdue by 3 days` (English: JSON, the site's data).
    public var words: String { text.description }

    /// The same, in any language (`text.localized` for people).
    public var text: Message {
        switch daysLeft {
        case 0: L("due now")
        case 1: L("due in 1 day")
        case 2...: L("due in \(daysLeft) days")
        case -1: L("overdue by 1 day")
        default: L("overdue by \(-daysLeft) days")
        }
    }
}
