import Foundation

/// A posted form (`application/x-www-form-urlencoded`), decoded strictly: the body must be UTF-8 after
/// percent-decoding, each field appears at most once, and no value may hold control characters other
/// than line breaks and tabs in the fields that allow several lines. What fails is refused whole, with
/// the reason as a word of the site (`FormProblem`).
struct FormData {
    let fields: [String: String]

    enum Problem: Error, Equatable {
        /// Not a form, or a field twice, or bytes that are not UTF-8.
        case malformed
        /// A control character in a field.
        case controlCharacter(field: String)
    }

    /// `multiline`: the fields whose values may hold line breaks and tabs.
    init(body: [UInt8], multiline: Set<String>) throws {
        var fields: [String: String] = [:]
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = FormData.decode(parts[0]), let value = FormData.decode(parts.count > 1 ? parts[1] : []) else {
                throw Problem.malformed
            }
            guard fields[name] == nil else { throw Problem.malformed }
            let allowed = multiline.contains(name)
            for scalar in value.unicodeScalars where FormData.isControl(scalar, multiline: allowed) {
                throw Problem.controlCharacter(field: name)
            }
            fields[name] = allowed ? value.replacingOccurrences(of: "\r\n", with: "\n") : value
        }
        self.fields = fields
    }

    subscript(_ name: String) -> String? { fields[name] }

    /// A field's value with spaces trimmed; nil when missing or empty.
    func text(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    static func isControl(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        if multiline, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
        switch scalar.properties.generalCategory {
        case .control: return true
        // Bidirectional overrides and isolates can make text read other than it is stored.
        case .format: return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        default: return false
        }
    }

    /// `+` as space, `%XX` as a byte; the bytes must be UTF-8.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return nil }
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// Decodes a query string (`a=1&b=2`) leniently: what does not decode is left out.
    static func query(_ query: String?) -> [String: String] {
        guard let query else { return [:] }
        var fields: [String: String] = [:]
        for pair in Array(query.utf8).split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : []), fields[name] == nil else { continue }
            guard !value.unicodeScalars.contains(where: { isControl($0, multiline: false) }) else { continue }
            fields[name] = value
        }
        return fields
    }
}
