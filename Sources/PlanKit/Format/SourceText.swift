import Localization

/// A plan file's text, decoded and normalised for parsing: UTF-8 checked, a leading byte-order mark
/// dropped, and CRLF or lone CR line breaks turned into LF. Line and column numbers are unchanged by the
/// normalisation, so positions found in `text` are positions in the file as an editor shows it.
struct SourceText {
    /// Files larger than this are refused rather than parsed slowly.
    static let defaultSizeLimit = 1 << 20

    let path: String
    let text: String
    /// `text` split at line breaks, without the breaks; a final line break does not start another line.
    let lines: [Substring]

    init(path: String, text: String) {
        self.path = path
        self.text = text
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines
    }

    /// Decodes `bytes`, or appends a diagnostic saying why the file cannot be read as text and returns nil.
    static func decode(
        _ bytes: [UInt8], path: String, sizeLimit: Int = defaultSizeLimit, into diagnostics: inout [Diagnostic]
    ) -> SourceText? {
        guard bytes.count <= sizeLimit else {
            diagnostics.append(Diagnostic(
                path: path,
                message: L("the file is \(describeSize(bytes.count)); plan files are limited to \(describeSize(sizeLimit)), so nap does not read it")))
            return nil
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let bad = firstInvalidUTF8Offset(body) {
            let (line, column) = position(ofByte: bad, in: body)
            diagnostics.append(Diagnostic(
                path: path, line: line, column: column,
                message: L("the file is not valid UTF-8 (byte 0x\(hex(body[bad]))); save it as UTF-8")))
            return nil
        }
        return SourceText(path: path, text: String(decoding: normalisingLineBreaks(body), as: UTF8.self))
    }

    /// The offset of the first byte that is not part of a valid UTF-8 sequence, or nil if all are valid.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The 1-based line and column (in Unicode scalars) of the byte at `offset`; the bytes before it are valid UTF-8.
    private static func position(ofByte offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        let before = bytes[bytes.startIndex..<offset]
        var line = 1
        var lineStart = before.startIndex
        var index = before.startIndex
        while index < before.endIndex {
            let next = before.index(after: index)
            let isBreak = switch before[index] {
            case UInt8(ascii: "\n"): true
            case UInt8(ascii: "\r"): next == before.endIndex || before[next] != UInt8(ascii: "\n")
            default: false
            }
            if isBreak {
                line += 1
                lineStart = next
            }
            index = next
        }
        let column = String(decoding: before[lineStart...], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }

    /// `bytes` with CRLF and lone CR replaced by LF.
    static func normalisingLineBreaks(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "\r")) else { return Array(bytes) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var previousWasCR = false
        for byte in bytes {
            if byte == UInt8(ascii: "\r") {
                result.append(UInt8(ascii: "\n"))
                previousWasCR = true
                continue
            }
            if byte == UInt8(ascii: "\n") && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            result.append(byte)
        }
        return result
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    private static func describeSize(_ count: Int) -> String {
        if count >= 1 << 20 {
            let tenths = (count * 10 + (1 << 19)) >> 20
            return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
        }
        if count >= 1 << 10 { return "\((count + 512) >> 10) KiB" }
        return "\(count) bytes"
    }

    /// Whether the text holds nothing but whitespace.
    var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
}

extension StringProtocol {
    /// The number of Unicode scalars, which is how `Diagnostic` counts columns.
    var scalarCount: Int { unicodeScalars.count }

    /// The text without leading and trailing Unicode white space (line breaks included).
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
