import Foundation
import GitKit

/// The layout of the cache files read on every run: a header line, then one record per line, its fields
/// separated by tabs, with `\`, tab, line feed and carriage return escaped (`\\`, `\t`, `\n`, `\r`).
/// Reading it is a single pass over the bytes, an order of magnitude faster than decoding JSON, which is
/// what keeps `nap proposals` instant with a thousand proposals.
enum CacheLines {
    /// The header's first field: files that do not start with it are not cache files.
    static let magic = "nap-cache"

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The key of a header line (without its line feed) written by `encode` for `name` and `version`; nil
    /// for another file, or a header with escapes (`decode` reads those).
    static func key(ofHeader line: Data, name: String, version: String) -> String? {
        guard !line.contains(0x5C) else { return nil }
        let fields = String(decoding: line, as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == magic, fields[1] == name, fields[2] == version else { return nil }
        return String(fields[3])
    }

    /// One record to write: its fields, or its line as a `CacheLineFile` holds it (escaped, without its line
    /// feed), copied as it is.
    enum Line {
        case fields([String])
        case stored(ArraySlice<UInt8>)
    }

    /// The file's bytes: the header (`magic`, `name`, the format version, `key`), then the records.
    static func encode(name: String, version: String, key: String, records: [[String]]) -> Data {
        encode(name: name, version: version, key: key, lines: records.map(Line.fields))
    }

    /// The file's bytes, from records some of which may be stored lines.
    static func encode(name: String, version: String, key: String, lines: [Line]) -> Data {
        var bytes: [UInt8] = []
        func append(_ fields: [String]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { bytes.append(0x09) }
                bytes.append(contentsOf: escape(field).utf8)
            }
            bytes.append(0x0A)
        }
        append([magic, name, version, key])
        for line in lines {
            switch line {
            case .fields(let fields): append(fields)
            case .stored(let stored):
                bytes.append(contentsOf: stored)
                bytes.append(0x0A)
            }
        }
        // The count at the end: a file cut short, even at the end of a line, is never taken for whole.
        append(["end", String(lines.count)])
        return Data(bytes)
    }

    /// The key and the records of a file written by `encode` for `name` and `version`; nil for anything
    /// else (another name or version, a truncated or garbled file).
    static func decode(_ data: Data, name: String, version: String) -> (key: String, records: [[String]])? {
        guard let file = CacheLineFile(data, name: name, version: version) else { return nil }
        return (file.key, (0..<file.count).map(file.record))
    }

    /// Whether `byte` may follow a backslash (`\\`, `\t`, `\n`, `\r`).
    static func isEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "t") || byte == UInt8(ascii: "n") || byte == UInt8(ascii: "r")
    }

    /// A field with its escapes undone; the escapes were checked (`isEscape`) when the file was read.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            guard byte == 0x5C, index < bytes.endIndex else {
                out.append(byte)
                continue
            }
            switch bytes[index] {
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            default: out.append(bytes[index])
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // Fields: optional values are written with a leading `+` (an empty field is nil).

    static func optional(_ text: String?) -> String { text.map { "+" + $0 } ?? "" }

    static func optional(_ field: String) -> String? { field.hasPrefix("+") ? String(field.dropFirst()) : nil }

    static func time(_ date: Date) -> String { String(date.timeIntervalSince1970) }

    static func time(_ field: String) -> Date? { Double(field).map { Date(timeIntervalSince1970: $0) } }
}

/// Reads the fields of one record in order; any missing or malformed field makes the whole file
/// untrusted (`CacheLines.Malformed`).
struct CacheFields {
    struct Malformed: Error {}

    private let fields: [String]
    private var index = 0

    init(_ fields: [String], from start: Int = 0) {
        self.fields = fields
        index = start
    }

    var isAtEnd: Bool { index >= fields.count }

    mutating func text() throws -> String {
        guard index < fields.count else { throw Malformed() }
        index += 1
        return fields[index - 1]
    }

    mutating func optionalText() throws -> String? { CacheLines.optional(try text()) }

    mutating func number() throws -> Int {
        guard let value = Int(try text()) else { throw Malformed() }
        return value
    }

    mutating func time() throws -> Date {
        guard let value = CacheLines.time(try text()) else { throw Malformed() }
        return value
    }

    mutating func optionalTime() throws -> Date? {
        guard let field = try optionalText() else { return nil }
        guard let value = CacheLines.time(field) else { throw Malformed() }
        return value
    }

    mutating func id() throws -> ObjectID {
        guard let value = ObjectID(hex: try text()) else { throw Malformed() }
        return value
    }

    mutating func optionalID() throws -> ObjectID? {
        guard let field = try optionalText() else { return nil }
        guard let value = ObjectID(hex: field) else { throw Malformed() }
        return value
    }

    mutating func author() throws -> EventAuthor {
        var author = EventAuthor(name: try text(), email: try text(), member: try optionalText(), sector: try text(), role: try optionalText())
        if let host = try optionalText() { author.attestation = .host(host) }
        return author
    }

    /// How many fields `author(_:)` writes.
    static let authorFieldCount = 6

    static func author(_ author: EventAuthor) -> [String] {
        [author.name, author.email, CacheLines.optional(author.member), author.sector, CacheLines.optional(author.role), CacheLines.optional(author.host)]
    }
}
