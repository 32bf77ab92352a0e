import Foundation
import GitKit
import PlanKit

/// Short human labels shared by the text renderers.
enum Labels {
    /// `林小明 <a@b> (civil-society co-chair)` or `(public)`.
    static func author(_ author: EventAuthor, email: Bool = false) -> String {
        let who = SafeText.line(author.name) + (email ? " <\(SafeText.line(author.email))>" : "")
        if author.member == nil { return who + " (public)" }
        return who + " (" + author.sector + (author.role.map { $0 == "member" ? "" : " " + $0 } ?? "") + ")"
    }

    /// `3d`, `5h`, `12m`, `now`.
    static func age(_ date: Date, now: Date = Date()) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<60: return "now"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86_400: return "\(seconds / 3600)h"
        case ..<(86_400 * 60): return "\(seconds / 86_400)d"
        default: return "\(seconds / (86_400 * 30))mo"
        }
    }

    /// `2026-11-29 16:05` in the local time zone.
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    static func shortID(_ id: String) -> String { String(id.prefix(8)) }
}

/// A plain text table whose columns line up with Chinese text (two columns per wide character).
struct TextTable {
    var headers: [String]
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
            cells.enumerated().map { i, cell in i == cells.count - 1 ? cell : DisplayWidth.fit(cell, widths[i]) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }
}
