import CSV
import Foundation
import Localization

/// CSV (RFC 4180) as nap reads and writes it, through yaslab/CSV.swift (docs/ARCHITECTURE.md): the OGP
/// commitments layout, the response report, platforms' exports of public input.
///
/// Reading is strict where a hand-written reader would guess: the bytes must be UTF-8 (an invalid
/// sequence is reported with its line and column), a byte-order mark is dropped, every row is numbered
/// by the line it starts on (quoted fields may hold line breaks), and the sizes are bounded.
public enum CSVTable {
    /// One row read, with the line of the file it starts on (1 is the header's).
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let fields: [String]
    }

    /// A problem with the file as a whole, at its place.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let column: Int?
        public let message: Message
        /// The problem at its place, for people.
        public var located: Message { column.map { L("line \(line), column \($0): \(message)") } ?? L("line \(line): \(message)") }
        public var description: String { located.description }
    }

    /// The rows of `bytes` (the header first), numbered by line. Throws a located `ReadError` for bytes
    /// that are not UTF-8, a NUL byte, a quoted field left open at the end, or a file over `maximumBytes`.
    public static func read(_ bytes: [UInt8], maximumBytes: Int) throws -> [Row] {
        guard bytes.count <= maximumBytes else {
            throw ReadError(line: 1, column: nil, message: L("the file is \(bytes.count / 1024) KiB; at most \(maximumBytes / 1024) KiB are read"))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let text = try decodeUTF8(body)
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [Row] = []
        var line = 1
        while let fields = reader.next() {
            rows.append(Row(line: line, fields: fields))
            line += 1 + fields.reduce(0) { $0 + lineBreaks(in: $1) }
        }
        if let error = reader.error { throw ReadError(line: line, column: nil, message: L("cannot read the CSV: \(String(describing: error))")) }
        if let open = unclosedQuote(text) {
            throw ReadError(line: open, column: nil, message: L("a quoted field opened on this line is never closed"))
        }
        // A final line break gives no empty row; blank lines between rows are dropped.
        return rows.filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
    }

    /// `rows` as CSV: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or
    /// a line break; UTF-8 without a byte-order mark.
    public static func write(_ rows: [[String]]) -> String {
        let stream = OutputStream.toMemory()
        stream.open()
        defer { stream.close() }
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            for row in rows { try writer.write(row: row) }
        } catch {
            return ""
        }
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + (rows.isEmpty ? "" : "\r\n")
    }

    /// One row as `write` writes it, with its CRLF: a field quoted (its quotes doubled) when it holds a
    /// comma, a quote or a line break. For writers that stream rows instead of holding the table.
    public static func line(_ fields: [String]) -> String {
        var out = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { out += "," }
            if field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }) {
                out += "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                out += field
            }
        }
        return out + "\r\n"
    }

    /// User text for a spreadsheet cell: text that starts like a formula (`=`, `+`, `-`, `@`, a tab or
    /// a carriage return) gets a leading `'`, so that a spreadsheet shows it and never runs it.
    public static func defused(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }

    /// Whether a cell would run as a formula in a spreadsheet.
    public static func looksLikeFormula(_ value: String) -> Bool {
        defused(value) != value
    }

    /// How many lines a field's text spans beyond its first (CRLF, LF and lone CR each count once).
    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var previous: Unicode.Scalar?
        for scalar in field.unicodeScalars {
            if scalar == "\n" && previous != "\r" { count += 1 }
            if scalar == "\r" { count += 1 }
            previous = scalar
        }
        return count
    }

    /// The text of UTF-8 bytes; the first invalid sequence (or NUL) is reported with its line and column.
    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) throws -> String {
        var decoder = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        var scalars = String.UnicodeScalarView()
        while true {
            switch decoder.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\0" { throw ReadError(line: line, column: column, message: L("a NUL byte: this is not a text file")) }
                scalars.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return String(scalars)
            case .error:
                throw ReadError(line: line, column: column, message: L("bytes that are not UTF-8 (save the file as UTF-8; Big5 and other encodings are not read)"))
            }
        }
    }

    /// The line a quoted field opens on when the text ends inside it; nil when every quote is closed.
    static func unclosedQuote(_ text: String) -> Int? {
        var inQuotes = false
        var atFieldStart = true
        var line = 1
        var openedOn = 1
        var previousQuote = false
        for scalar in text.unicodeScalars {
            if inQuotes {
                if scalar == "\"" {
                    previousQuote.toggle()
                } else if previousQuote {
                    inQuotes = false
                    previousQuote = false
                    atFieldStart = scalar == "," || scalar == "\n" || scalar == "\r"
                }
            } else if scalar == "\"" && atFieldStart {
                inQuotes = true
                openedOn = line
                atFieldStart = false
            } else {
                atFieldStart = scalar == "," || scalar == "\n" || scalar == "\r"
            }
            if scalar == "\n" { line += 1 }
        }
        return inQuotes && !previousQuote ? openedOn : nil
    }
}
