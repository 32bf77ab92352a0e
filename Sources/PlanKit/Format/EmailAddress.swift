import Localization

/// The check nap applies to email addresses in plan files: one `@`, a non-empty local part, a domain with
/// at least one dot, no white space, no control characters and no characters that break a git identity
/// line (`<`, `>`, `,`).
public enum EmailAddress {
    /// Why `address` is not well formed, or nil when it is.
    public static func problem(in address: String) -> Message? {
        guard !address.isEmpty else { return L("the address is empty") }
        if address.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return L("an email address cannot contain spaces or control characters")
        }
        if address.contains(where: { "<>,;\"()[]\\".contains($0) }) {
            return L("an email address cannot contain < > , ; \" ( ) [ ] or \\")
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return L("an email address has exactly one @") }
        let (local, domain) = (parts[0], parts[1])
        guard !local.isEmpty else { return L("nothing before the @") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else {
            return L("'\(domain)' is not a domain name such as example.org")
        }
        return nil
    }

    /// Whether `address` is well formed.
    public static func isWellFormed(_ address: String) -> Bool { problem(in: address) == nil }
}
