import Foundation
import Localization
import PlanKit

/// Short human labels shared by the text renderers.
enum Labels {
    /// `林小明 <a@b> (civil-society co-chair)` or `(public)`, then `via host <id>` for an event a host wrote.
    static func author(_ author: EventAuthor, email: Bool = false) -> String {
        let who = SafeText.line(author.name) + (email && author.host == nil ? " <\(SafeText.line(author.email))>" : "")
        let via = author.host.map { L(" via host \(SafeText.line($0))").localized } ?? ""
        if author.member == nil { return who + L(" (public)").localized + via }
        let sector = Words.sector(author.sector)
        let standing = author.role.flatMap { $0 == "member" ? nil : L("\(sector) \(Words.role($0))") } ?? sector
        return who + L(" (\(standing))").localized + via
    }

    /// ` via JOIN (imported by 國發會秘書處)` for imported input; empty otherwise.
    static func via(_ source: InputSource?, recordedBy: EventAuthor?) -> String {
        guard let source else { return "" }
        return (recordedBy.map { L(" via \(SafeText.line(source.platformLabel)) (imported by \(SafeText.line($0.name)))") } ?? L(" via \(SafeText.line(source.platformLabel))")).localized
    }

    /// `3d`, `5h`, `12m`, `now`.
    static func age(_ date: Date, now: Date = Date()) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<60: return L("now").localized
        case ..<3600: return L("\(seconds / 60)m").localized
        case ..<86_400: return L("\(seconds / 3600)h").localized
        case ..<(86_400 * 60): return L("\(seconds / 86_400)d").localized
        default: return L("\(seconds / (86_400 * 30))mo").localized
        }
    }

    /// The Gregorian calendar in the local time zone (made once: `nap show` formats thousands of times).
    private static let localCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        return calendar
    }()

    /// `2026-11-29 16:05` in the local time zone.
    static func time(_ date: Date) -> String {
        // The calendar fields in the local time zone, formatted by hand: a DateFormatter per call costs
        // more than the rest of `nap show` for a proposal with a thousand comments.
        let parts = localCalendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }

    static func shortID(_ id: String) -> String { String(id.prefix(8)) }
}

/// A plain text table whose columns line up with Chinese text (two columns per wide character).
struct TextTable {
    var headers: [String]

    /// A table whose headers are messages, in the language nap speaks.
    init(headers: [Message], rows: [[String]] = [], maximumWidths: [Int: Int] = [:]) {
        self.init(headers: headers.map(\.localized), rows: rows, maximumWidths: maximumWidths)
    }

    init(headers: [String], rows: [[String]] = [], maximumWidths: [Int: Int] = [:]) {
        self.headers = headers
        self.rows = rows
        self.maximumWidths = maximumWidths
    }

    var rows: [[String]] = []
    /// Columns that may be cut to keep lines short, with their widest allowed width.
    var maximumWidths: [Int: Int] = [:]

    func render() -> String {
        var widths = headers.map { DisplayWidth.of($0) }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        for (column, limit) in maximumWidths where column < widths.count { widths[column] = min(widths[column], limit) }
        func line(_ cells: [String]) -> String {
            var text = cells.enumerated().map { i, cell in i == cells.count - 1 ? cell : DisplayWidth.fit(cell, widths[i]) }
                .joined(separator: "  ")
            // Trailing white space goes (a loop, not a regular expression: this runs once per row).
            while let last = text.last, last.isWhitespace { text.removeLast() }
            return text
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }
}
