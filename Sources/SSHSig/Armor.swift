import Foundation

/// The PEM-like armor OpenSSH puts around binary blobs: a `-----BEGIN <label>-----` line, base64 in
/// 70-column lines, an `-----END <label>-----` line and a final newline.
enum Armor {
    static let lineWidth = 70

    static func wrap(_ bytes: [UInt8], label: String) -> String {
        let base64 = Data(bytes).base64EncodedString()
        var text = "-----BEGIN \(label)-----\n"
        var line = base64.startIndex
        while line < base64.endIndex {
            let end = base64.index(line, offsetBy: lineWidth, limitedBy: base64.endIndex) ?? base64.endIndex
            text += base64[line..<end] + "\n"
            line = end
        }
        return text + "-----END \(label)-----\n"
    }

    /// Decodes the block; tolerates surrounding whitespace and CRLF line ends, nothing else.
    static func unwrap(_ text: String, label: String) throws(SSHSigError) -> [UInt8] {
        let begin = "-----BEGIN \(label)-----"
        let end = "-----END \(label)-----"
        let lines = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard let first = lines.first, first == begin else {
            throw .badArmor("it does not start with '\(begin)'")
        }
        guard let last = lines.last, last == end, lines.count >= 2 else {
            throw .badArmor("it does not end with '\(end)'")
        }
        let body = lines[1..<lines.count - 1].joined()
        guard !body.isEmpty else { throw .badArmor("there is nothing between the BEGIN and END lines") }
        guard let data = Data(base64Encoded: body) else {
            throw .badArmor("the text between the BEGIN and END lines is not valid base64")
        }
        return Array(data)
    }
}
