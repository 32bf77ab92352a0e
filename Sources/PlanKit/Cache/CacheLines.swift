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

    /// The file's bytes: the header (`magic`, `name`, the format version, `key`), then the records.
    static func encode(name: String, version: String, key: String, records: [[String]]) -> Data {
        var text = [magic, name, escape(version), escape(key)].joined(separator: "\t") + "\n"
        for record in records {
            text += record.map(escape).joined(separator: "\t")
            text += "\n"
        }
        // The count at the end: a file cut short, even at the end of a line, is never taken for whole.
        text += "end\t\(records.count)\n"
        return Data(text.utf8)
    }

    /// The key and the records of a file written by `encode` for `name` and `version`; nil for anything
    /// else (another name or version, a truncated or garbled file).
    static func decode(_ data: Data, name: String, version: String) -> (key: String, records: [[String]])? {
        var lines: [[String]] = []
        var valid = true
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var fields: [String] = []
            var start = 0
            var escaped = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x5C {
                    escaped = true
                    index += 2
                    continue
                }
                if byte == 0x09 || byte == 0x0A {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    if escaped {
                        guard let text = unescape(slice) else { valid = false; return }
                        fields.append(text)
                    } else {
                        fields.append(String(decoding: slice, as: UTF8.self))
                    }
                    if byte == 0x0A {
                        lines.append(fields)
                        fields = []
                    }
                    start = index + 1
                    escaped = false
                }
                index += 1
            }
            // A file that does not end with a complete line was cut short.
            if start != bytes.count || !fields.isEmpty { valid = false }
        }
        // The count at the end: a file cut short, even at the end of a line, is not taken for whole.
        guard valid, let header = lines.first, header.count == 4, header[0] == magic, header[1] == name, header[2] == version,
              let end = lines.last, end.count == 2, end[0] == "end", end[1] == String(lines.count - 2) else { return nil }
        return (header[3], Array(lines.dropFirst().dropLast()))
    }

    private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == 0x5C else {
                out.append(byte)
                continue
            }
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            default: return nil
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
