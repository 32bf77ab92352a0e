import Foundation

/// A remote's address as nap shows it: a password or token written into an https URL
/// (`https://user:token@host/…`) is replaced by `***` in every message and report, and removed from any
/// text libgit2 returns. The user name stays (it is not secret and says which account was used).
enum ShownAddress {
    /// `url` with the password of its user part replaced by `***`; other addresses unchanged.
    static func of(_ url: String) -> String {
        guard let password = password(in: url) else { return url }
        return url.replacingOccurrences(of: ":" + password + "@", with: ":***@")
    }

    /// `text` with the password of `url`'s user part (as written, and decoded) replaced by `***`.
    static func scrub(_ text: String, of url: String) -> String {
        guard let password = password(in: url) else { return text }
        var result = text.replacingOccurrences(of: password, with: "***")
        if let decoded = password.removingPercentEncoding, !decoded.isEmpty { result = result.replacingOccurrences(of: decoded, with: "***") }
        return result
    }

    /// The password written in a URL's user part (`scheme://user:password@host`), as written.
    private static func password(in url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let authority = url[scheme.upperBound...].prefix { $0 != "/" }
        guard let at = authority.lastIndex(of: "@") else { return nil }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return nil }
        let password = String(userInfo[userInfo.index(after: colon)...])
        return password.isEmpty ? nil : password
    }
}
