import Foundation

/// Counting days between plan dates. Every date nap reads has a year in 1000…9999 (`PlanDate` refuses
/// others), so every count here is a few million at most: nothing read from a file can make it trap.
extension PlanDate {
    /// The number of the first day this date covers, counted from 1970-01-01 (day 0).
    public var firstDayNumber: Int { Self.dayNumber(year: year, month: month, day: day ?? 1) }

    /// The number of the last day this date covers (the month's last day for a month).
    public var lastDayNumber: Int { Self.dayNumber(year: year, month: month, day: day ?? Self.daysIn(month: month, year: year)) }

    /// The calendar day (UTC) of an instant; nil outside the years plan dates can name.
    public static func day(of instant: Date) -> PlanDate? {
        let seconds = instant.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e12 else { return nil }
        return day(number: Int((seconds / 86_400).rounded(.down)))
    }

    /// The day with this number (days from 1970-01-01); nil outside years 1000…9999.
    public static func day(number: Int) -> PlanDate? {
        guard (-400_000...3_000_000).contains(number) else { return nil }
        // Howard Hinnant's civil_from_days, on values bounded above.
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return PlanDate(year: year, month: month, day: day)
    }

    /// The day `days` after this date's first day (before it, for a negative count); nil when that falls
    /// outside the years plan dates can name, or `days` is beyond a few thousand years.
    public func adding(days: Int) -> PlanDate? {
        guard (-3_000_000...3_000_000).contains(days) else { return nil }
        return Self.day(number: firstDayNumber + days)
    }

    /// Days from 1970-01-01 to a real date (Hinnant's days_from_civil).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// How many calendar days (UTC) separate two instants: `to`'s day minus `from`'s day; nil when either
    /// lies outside the years plan dates can name.
    public static func days(from: Date, to: Date) -> Int? {
        guard let start = day(of: from), let end = day(of: to) else { return nil }
        return end.firstDayNumber - start.firstDayNumber
    }
}
