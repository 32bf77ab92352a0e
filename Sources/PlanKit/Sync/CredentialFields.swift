import Foundation
import Localization

/// What nap tells `git credential` about a request, one `key=value` line each: protocol, host (with its
/// port), path, username and, for `approve` and `reject` only, password.
///
/// Git reads these lines one by one, so a value holding a line break would add lines of its own: a URL
/// whose host, path or user name decodes to `%0ahost=other.example` makes the helper answer with the
/// password of another site (CVE-2020-5260). Such a request is refused before git is run; NUL and
/// carriage returns too.
struct CredentialFields {
    /// The fields, in the order git expects them.
    let fields: [(key: String, value: String)]

    /// The fields of `url` (decoded, as git decodes them), with `username` when given (else the URL's).
    /// Throws a refusal naming the field that holds a line break or NUL.
    init(url: String, username: String?, password: String? = nil) throws {
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme, let host = parsed.host else {
            throw PlanError.refused(reason: L("nap cannot ask for a password for this remote: its address is not a URL git's credential helpers understand"),
                                    hint: L("check the remote's address (`git remote -v`)"))
        }
        var fields: [(key: String, value: String)] = [("protocol", scheme), ("host", host + (parsed.port.map { ":\($0)" } ?? ""))]
        let path = parsed.path.hasPrefix("/") ? String(parsed.path.dropFirst()) : parsed.path
        if !path.isEmpty { fields.append(("path", path)) }
        if let username = username ?? parsed.user { fields.append(("username", username)) }
        if let password { fields.append(("password", password)) }
        if let unsafe = fields.first(where: { Self.isUnsafe($0.value) }) {
            // The value itself is not repeated: it may be part of a secret.
            throw PlanError.refused(
                reason: L("the remote's address has a line break or NUL character in its \(Self.name(of: unsafe.key)); nap does not pass it to git's credential helper, which could be tricked into giving away the password for another site"),
                hint: L("check the remote's address (`git remote -v`) and correct it (`git remote set-url <name> <url>`); no credentials were sent"))
        }
        self.fields = fields
    }

    /// The text for `git credential`'s standard input: the lines, then a blank line.
    var text: String {
        fields.map { "\($0.key)=\($0.value)\n" }.joined() + "\n"
    }

    /// True when `value` holds a character that would end a line of git's credential protocol.
    static func isUnsafe(_ value: String) -> Bool {
        value.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x00 }
    }

    private static func name(of key: String) -> String {
        switch key {
        case "username": "user name"
        case "host": "host name"
        default: key
        }
    }
}
