import Localization

/// A date in a plan: a month (`2021-01`) or a day (`2021-01-15`), always a real calendar date.
///
/// A month stands for all its days: as a start it means the first day, as an end the last day, so the
/// period `2021-01` to `2024-05` runs from 1 January 2021 to 31 May 2024.
public struct PlanDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    /// Nil when the date names a whole month.
    public let day: Int?

    /// A date from its parts, or nil when it is not a real calendar date (years 1000–9999).
    public init?(year: Int, month: Int, day: Int? = nil) {
        guard Self.problem(year: year, month: month, day: day) == nil else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM` or `YYYY-MM-DD`; throws `FormatError.invalidDate` saying what is wrong.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let digitsOnly = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard (parts.count == 2 || parts.count == 3), digitsOnly, parts[0].count == 4, parts[1].count == 2,
              parts.count == 2 || parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]) else {
            throw FormatError.invalidDate(text, reason: L("write YYYY-MM or YYYY-MM-DD, e.g. 2021-01 or 2021-01-15"))
        }
        let day = parts.count == 3 ? Int(parts[2]) : nil
        if let problem = Self.problem(year: year, month: month, day: day) {
            throw FormatError.invalidDate(text, reason: problem)
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM` or `YYYY-MM-DD`; nil when the text is not a real date.
    public init?(_ text: String) {
        guard let date = try? PlanDate(parsing: text) else { return nil }
        self = date
    }

    /// `2021-01` or `2021-01-15`, as written in plan files.
    public var description: String {
        let month = month < 10 ? "0\(month)" : "\(month)"
        guard let day else { return "\(year)-\(month)" }
        return "\(year)-\(month)-\(day < 10 ? "0\(day)" : "\(day)")"
    }

    /// The first day this date covers, as a sortable number `yyyymmdd`.
    public var firstDay: Int { year * 10_000 + month * 100 + (day ?? 1) }

    /// The last day this date covers, as a sortable number `yyyymmdd`.
    public var lastDay: Int { year * 10_000 + month * 100 + (day ?? Self.daysIn(month: month, year: year)) }

    public static func < (lhs: PlanDate, rhs: PlanDate) -> Bool {
        (lhs.firstDay, lhs.lastDay) < (rhs.firstDay, rhs.lastDay)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try PlanDate(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func problem(year: Int, month: Int, day: Int?) -> Message? {
        guard (1000...9999).contains(year) else { return L("the year must have four digits") }
        guard (1...12).contains(month) else { return L("there is no month \(month)") }
        if let day, !(1...daysIn(month: month, year: year)).contains(day) {
            let yearMonth = "\(year)-\(month < 10 ? "0" : "")\(month)"
            return L("\(yearMonth) has no day \(day)")
        }
        return nil
    }
}

/// A span of time from a start date to an end date, both included.
public struct Period: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: PlanDate
    public var end: PlanDate

    public init(start: PlanDate, end: PlanDate) {
        self.start = start
        self.end = end
    }

    /// Whether the period does not end before it starts.
    public var isOrdered: Bool { start.firstDay <= end.lastDay }

    /// Whether every day of `date` falls inside the period.
    public func contains(_ date: PlanDate) -> Bool {
        date.firstDay >= start.firstDay && date.lastDay <= end.lastDay
    }

    /// Whether `other` lies entirely inside this period.
    public func contains(_ other: Period) -> Bool {
        contains(other.start) && contains(other.end)
    }

    /// `2021-01 to 2024-05`.
    public var description: String { "\(start) to \(end)" }
}
