import PlanKit

/// Keeps participants' email addresses off the site. Pages never show an email field, but people's
/// addresses can still reach a text: a commenter quoting one, a message of nap's that names someone as
/// `Name <email>`. Every file the site writes passes through `scrub`, which replaces each address of a
/// participant (members, the public, authors of commits and events) with a mark. A commitment's official
/// contact point is published content (OGP's template) and is left as it is.
struct Privacy: Sendable {
    static let mark = "[email hidden]"
    private let hidden: Set<String>
    /// The key of the addresses hidden: a page is made anew when they change (a new participant's
    /// address may be quoted on a page whose own inputs did not change).
    let digest: String

    /// `participants`: every address to hide; `published`: addresses that are published content.
    init(participants: some Sequence<String>, published: some Sequence<String>) {
        let keep = Set(published.map { $0.lowercased() })
        // A national plan names the same few thousand people in a hundred thousand events: each address
        // is lowercased once.
        hidden = Set(Set(participants).lazy.map { $0.lowercased() }.filter { !$0.isEmpty && $0.contains("@") && !keep.contains($0) })
        digest = KeyDigest.of(hidden.sorted())
    }

    /// The text with every participant's address replaced by `mark`.
    func scrub(_ text: String) -> String {
        guard !hidden.isEmpty, text.utf8.contains(UInt8(ascii: "@")) else { return text }
        var bytes = Array(text.utf8)
        var index = 0
        var changed = false
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "@") else { index += 1; continue }
            var start = index
            while start > 0, Self.isLocal(bytes[start - 1]) { start -= 1 }
            var end = index + 1
            while end < bytes.count, Self.isDomain(bytes[end]) { end += 1 }
            // Try the longest candidate first, then without trailing dots ("write to a@b.org.").
            var matched: Int?
            var candidateEnd = end
            while candidateEnd > index + 1 {
                let candidate = String(decoding: bytes[start..<candidateEnd], as: UTF8.self).lowercased()
                if hidden.contains(candidate) { matched = candidateEnd; break }
                guard bytes[candidateEnd - 1] == UInt8(ascii: ".") else { break }
                candidateEnd -= 1
            }
            if let matchedEnd = matched {
                let replacement = Array(Self.mark.utf8)
                bytes.replaceSubrange(start..<matchedEnd, with: replacement)
                index = start + replacement.count
                changed = true
            } else {
                index += 1
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// Removes `<…@…>` parts from a sentence of nap's own (`Lin <lin@ndc.gov.tw>` → `Lin`), whoever's address it is.
    static func withoutAddresses(_ sentence: String) -> String {
        var out = ""
        var rest = Substring(sentence)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">"), rest[open..<close].contains("@") else {
                out += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            out += rest[..<open].hasSuffix(" ") ? String(rest[..<open].dropLast()) : String(rest[..<open])
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    private static func isLocal(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "._%+-'".utf8.contains(byte)
    }

    private static func isDomain(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
