import Foundation

/// A file in `CacheLines` layout, checked whole when it is opened (its header, every escape, the count
/// at the end) and decoded one record, or the first fields of one, at a time when asked.
///
/// The index of digests is read by every command that names a proposal, and naming one needs only the
/// slug, status and opening time of each: decoding every field of a thousand digests (40,000 strings)
/// cost more than the rest of `nap comment`. A record read from here can also be written back as it is
/// stored (`line(_:)`), without decoding it.
struct CacheLineFile: Sendable {
    /// The key the records were stored under.
    let key: String
    private let bytes: [UInt8]
    /// Each record's line without its line feed (the header and the end line are not records).
    private let lines: [Range<Int>]

    /// Nil for anything `CacheLines.encode` did not write for `name` and `version`: another name or
    /// version, a truncated or garbled file, an escape it does not write.
    init?(_ data: Data, name: String, version: String) {
        let bytes = [UInt8](data)
        var found: [Range<Int>] = []
        let whole = bytes.withUnsafeBufferPointer { buffer -> Bool in
            var start = 0
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x5C {
                    guard index + 1 < buffer.count, CacheLines.isEscape(buffer[index + 1]) else { return false }
                    index += 2
                    continue
                }
                if byte == 0x0A {
                    found.append(start..<index)
                    start = index + 1
                }
                index += 1
            }
            // A file that does not end with a complete line was cut short.
            return start == buffer.count
        }
        guard whole, let first = found.first, let last = found.last, found.count >= 2 else { return nil }
        let header = Self.fields(bytes[first], limit: 5)
        let end = Self.fields(bytes[last], limit: 3)
        // The count at the end: a file cut short, even at the end of a line, is not taken for whole.
        guard header.count == 4, header[0] == CacheLines.magic, header[1] == name, header[2] == version,
              end.count == 2, end[0] == "end", end[1] == String(found.count - 2) else { return nil }
        key = header[3]
        self.bytes = bytes
        lines = Array(found.dropFirst().dropLast())
    }

    /// How many records there are.
    var count: Int { lines.count }

    /// Every field of record `index`.
    func record(_ index: Int) -> [String] {
        Self.fields(bytes[lines[index]], limit: .max)
    }

    /// The first `limit` fields of record `index` (fewer when it has fewer).
    func fields(of index: Int, limit: Int) -> [String] {
        Self.fields(bytes[lines[index]], limit: limit)
    }

    /// The fields of record `index` at `positions` (ascending); nil when it has too few. Only those
    /// fields are made into strings.
    func fields(of index: Int, at positions: [Int]) -> [String]? {
        guard let last = positions.last else { return [] }
        var result: [String] = []
        result.reserveCapacity(positions.count)
        var next = 0
        Self.scan(bytes[lines[index]], limit: last + 1) { position, field, escaped in
            guard next < positions.count, positions[next] == position else { return }
            result.append(escaped ? CacheLines.unescape(field) : String(decoding: field, as: UTF8.self))
            next += 1
        }
        return result.count == positions.count ? result : nil
    }

    /// Whether record `index`'s first field is `tag` (one ASCII letter, as the digests' records begin).
    func hasTag(_ tag: UInt8, at index: Int) -> Bool {
        let line = lines[index]
        return line.count >= 1 && bytes[line.lowerBound] == tag && (line.count == 1 || bytes[line.lowerBound + 1] == 0x09)
    }

    /// Record `index` as it is stored: escaped, without its line feed.
    func line(_ index: Int) -> ArraySlice<UInt8> {
        bytes[lines[index]]
    }

    /// The fields of one line, at most `limit` of them. Its escapes were checked when the file was opened.
    private static func fields(_ line: ArraySlice<UInt8>, limit: Int) -> [String] {
        var fields: [String] = []
        scan(line, limit: limit) { _, field, escaped in
            fields.append(escaped ? CacheLines.unescape(field) : String(decoding: field, as: UTF8.self))
        }
        return fields
    }

    /// Calls `body` with the position, the bytes and whether they hold an escape, of each of the first
    /// `limit` fields of `line`.
    private static func scan(_ line: ArraySlice<UInt8>, limit: Int, _ body: (Int, ArraySlice<UInt8>, Bool) -> Void) {
        var position = 0
        var start = line.startIndex
        var escaped = false
        var index = line.startIndex
        while position < limit {
            if index < line.endIndex, line[index] == 0x5C {
                escaped = true
                index += 2
                continue
            }
            guard index >= line.endIndex || line[index] == 0x09 else {
                index += 1
                continue
            }
            body(position, line[start..<min(index, line.endIndex)], escaped)
            position += 1
            if index >= line.endIndex { break }
            index += 1
            start = index
            escaped = false
        }
    }
}
