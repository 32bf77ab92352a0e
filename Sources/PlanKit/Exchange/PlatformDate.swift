import Foundation

/// The dates platforms' exports write: `2024-06-10`, `2024/06/10 14:30`, `2024-06-10 14:30:05`, an RFC
/// 3339 time, and the Republic of China calendar of Taiwan's government (`113/06/10` is 2024-06-10).
enum PlatformDate {
    /// The instant, with `zoneOffset` seconds east of UTC for a date without a zone; nil when not a date.
    static func parse(_ text: String, zoneOffset: Int) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let date = Timestamp.parse(text) { return date }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard (1...2).contains(parts.count) else { return nil }
        let day = parts[0].split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
        guard day.count == 3, parts[0].allSatisfy({ $0.isNumber || $0 == "-" || $0 == "/" }) else { return nil }
        var year = day[0]
        if (1...999).contains(year) { year += 1911 }
        var seconds = 0
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":").map { Int($0) }
            guard (2...3).contains(clock.count), let hour = clock[0], let minute = clock[1], (0...23).contains(hour), (0...59).contains(minute) else { return nil }
            let second = clock.count == 3 ? clock[2] : 0
            guard let second, (0...59).contains(second) else { return nil }
            seconds = hour * 3600 + minute * 60 + second
        }
        guard let date = PlanDate(year: year, month: day[1], day: day[2]) else { return nil }
        return Date(timeIntervalSince1970: Double(date.firstDayNumber) * 86_400 + Double(seconds - zoneOffset))
    }
}
