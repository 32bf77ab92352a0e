import Foundation
import PlanKit

/// Times as the site shows them: in UTC, the same on every machine (the site must be byte-identical
/// wherever it is built), `2024-05-01 09:30 UTC`, or a date alone.
enum DisplayTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// `2024-05-01T09:30:00Z` by arithmetic (`Timestamp`) for the dates of the record (from 1970 to
    /// 9999); nil for others, which go through the calendar. A page shows thousands of times: a calendar
    /// and `String(format:)` per time cost a good part of a national site's build.
    private static func fast(_ date: Date) -> String? {
        guard date.timeIntervalSince1970 >= 0, date.timeIntervalSince1970 < 253_402_300_800 else { return nil }
        let text = Timestamp.format(date)
        return text.utf8.count == 20 ? text : nil
    }

    /// `2024-05-01 09:30 UTC`.
    static func minute(_ date: Date) -> String {
        if let text = fast(date) { return text.prefix(10) + " " + text.dropFirst(11).prefix(5) + " UTC" }
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `2024-05-01`.
    static func day(_ date: Date) -> String {
        if let text = fast(date) { return String(text.prefix(10)) }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// RFC 3339 in UTC, whole seconds: `2024-05-01T09:30:00Z` (for `datetime` attributes and Atom).
    static func machine(_ date: Date) -> String {
        if let text = fast(date) { return text }
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
