import Foundation
import Localization

/// One input read from a platform's export, checked, ready to become an event.
public struct PublicInputRow: Sendable, Equatable {
    /// The line of the file the row starts on.
    public let line: Int
    public let source: InputSource
    /// The name of the person who gave it, as the platform has it.
    public let author: String
    public let title: String?
    public let body: String
}

/// A row that was not imported, or a cell worth a second look, at its place.
public struct PublicInputProblem: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    /// The column concerned, when one is.
    public let column: String?
    /// Why, for people (English in `--json`: `Message` encodes as English).
    public let message: Message
    /// The problem at its place, for people.
    public var located: Message { column.map { L("line \(line), column \($0): \(message)") } ?? L("line \(line): \(message)") }
    public var description: String { located.description }
}

/// A platform's CSV export read into inputs (`nap import public-input`). Problems with the file as a
/// whole (not UTF-8, a NUL byte, an unclosed quote, a missing column, too large) refuse it all; a row
/// with a problem (a missing or oversized cell, an id seen on an earlier line, a date out of range, a
/// bad address) is set aside with its line and reason, and the others are read.
public struct PublicInputTable: Sendable {
    /// The largest file read, and the most rows.
    public static let maximumBytes = 16 * 1024 * 1024
    public static let maximumRows = 5_000
    /// The longest author name and title, in characters (a proposal's title is one line of at most 200).
    public static let maximumNameCharacters = 200

    public let rows: [PublicInputRow]
    /// Rows set aside, each with why.
    public let skipped: [PublicInputProblem]
    /// Cells imported as they are but worth knowing about (text that starts like a spreadsheet formula).
    public let notices: [PublicInputProblem]

    /// Reads `bytes` with `mapping`; `needsTitle` for new proposals (else a body is required). Dates
    /// without a zone are in `zoneOffset` seconds east of UTC; none may be after `now` (plus a day).
    public static func read(_ bytes: [UInt8], platform: String, mapping: PublicInputMapping, needsTitle: Bool,
                            zoneOffset: Int, now: Date) throws -> PublicInputTable {
        let table: [CSVTable.Row]
        do { table = try CSVTable.read(bytes, maximumBytes: maximumBytes) } catch let error as CSVTable.ReadError {
            throw PlanError.invalidInput(L("the file cannot be imported: \(error.located)"))
        }
        guard let header = table.first else { throw PlanError.invalidInput(L("the file cannot be imported: it is empty")) }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard table.count - 1 <= maximumRows else {
            throw PlanError.invalidInput(L("the file cannot be imported: it has \(table.count - 1) rows; import at most \(maximumRows) at a time"))
        }
        let required: [PublicInputMapping.Field] = [.id, .author, needsTitle ? .title : .body]
        var index: [PublicInputMapping.Field: Int] = [:]
        for field in PublicInputMapping.Field.allCases {
            guard let column = mapping.columns[field] else { continue }
            if let position = names.firstIndex(of: column) { index[field] = position }
        }
        let missing = Set(required).filter { index[$0] == nil }.sorted { $0.rawValue < $1.rawValue }
        guard missing.isEmpty else {
            let wanted = Message.joined(missing.map { L("\($0.rawValue) (column '\(mapping.columns[$0] ?? $0.rawValue)')") }, separator: L(", "))
            throw PlanError.invalidInput(L("the file cannot be imported: line 1 has no column for \(wanted); its columns are \(names.joined(separator: ", ")); name them with --map FIELD=COLUMN"))
        }
        var reader = RowReader(platform: platform, names: names, index: index, needsTitle: needsTitle, zoneOffset: zoneOffset, now: now)
        for row in table.dropFirst() { reader.read(row) }
        return PublicInputTable(rows: reader.rows, skipped: reader.skipped, notices: reader.notices)
    }
}

/// Checks the rows one by one, remembering the ids seen.
private struct RowReader {
    let platform: String
    let names: [String]
    let index: [PublicInputMapping.Field: Int]
    let needsTitle: Bool
    let zoneOffset: Int
    let now: Date
    var rows: [PublicInputRow] = []
    var skipped: [PublicInputProblem] = []
    var notices: [PublicInputProblem] = []
    var seen: [String: Int] = [:]

    mutating func read(_ row: CSVTable.Row) {
        guard row.fields.count == names.count else {
            skipped.append(.init(line: row.line, column: nil, message: L("it has \(row.fields.count) fields; the header has \(names.count)")))
            return
        }
        func cell(_ field: PublicInputMapping.Field) -> String? {
            index[field].map {
                row.fields[$0].replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        func skip(_ field: PublicInputMapping.Field, _ message: Message) {
            skipped.append(.init(line: row.line, column: index[field].map { names[$0] }, message: message))
        }
        let id = cell(.id) ?? ""
        guard !id.isEmpty else { return skip(.id, L("the input's id is empty")) }
        guard id.utf8.count <= EventBounds.maximumSourceIDBytes, !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
              !CSVTable.looksLikeFormula(id) else {
            return skip(.id, L("an id is at most \(EventBounds.maximumSourceIDBytes) bytes, without control characters or a leading =, +, - or @"))
        }
        if let first = seen[id] { return skip(.id, L("the id \(id) is also on line \(first); each input is imported once")) }
        seen[id] = row.line
        let author = cell(.author) ?? ""
        guard !author.isEmpty else { return skip(.author, L("the author's name is empty; an input is the words of someone named")) }
        guard author.count <= PublicInputTable.maximumNameCharacters, !author.contains(where: \.isNewline) else {
            return skip(.author, L("a name is one line of at most \(PublicInputTable.maximumNameCharacters) characters"))
        }
        let title = cell(.title).flatMap { $0.isEmpty ? nil : $0 }
        let body = cell(.body) ?? ""
        if needsTitle {
            guard let title else { return skip(.title, L("the title is empty; a proposal needs one")) }
            guard title.count <= PublicInputTable.maximumNameCharacters, !title.contains(where: \.isNewline) else {
                return skip(.title, L("a title is one line of at most \(PublicInputTable.maximumNameCharacters) characters"))
            }
        } else if body.isEmpty {
            return skip(.body, L("the text is empty"))
        }
        guard body.utf8.count <= PlanStore.maximumTextBytes else {
            return skip(.body, L("the text is \(body.utf8.count / 1024) KiB; at most \(PlanStore.maximumTextBytes / 1024) KiB are imported (link to a longer document)"))
        }
        var submitted: Date?
        if let text = cell(.submitted), !text.isEmpty {
            guard let date = PlatformDate.parse(text, zoneOffset: zoneOffset) else {
                return skip(.submitted, L("'\(text.prefix(40))' is not a date (write 2024-06-10, 2024/06/10 14:30, 113/06/10 or an RFC 3339 time)"))
            }
            guard date >= EventBounds.earliestTime, date <= now.addingTimeInterval(86_400) else {
                return skip(.submitted, date < EventBounds.earliestTime ? L("\(Timestamp.format(date)) is before 2000") : L("\(Timestamp.format(date)) is in the future"))
            }
            submitted = date
        }
        var url: String?
        if let text = cell(.url), !text.isEmpty {
            if let problem = EventBounds.problemOfURL(text) { return skip(.url, L("the address \(text.prefix(60)): \(problem)")) }
            url = text
        }
        for field in [PublicInputMapping.Field.author, .title, .body] {
            if let text = cell(field), CSVTable.looksLikeFormula(text) {
                notices.append(.init(line: row.line, column: index[field].map { names[$0] },
                                     message: L("starts like a spreadsheet formula; imported as text, and every CSV nap writes prefixes it with '")))
            }
        }
        rows.append(PublicInputRow(line: row.line, source: InputSource(platform: platform, id: id, url: url, submitted: submitted),
                                   author: author, title: title, body: body))
    }
}
