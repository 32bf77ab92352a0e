import Crypto
import Foundation
import GitKit

/// ssh's known_hosts files, read the way OpenSSH reads them, to check an ssh server's host key before
/// nap sends it anything (libgit2 1.5 checks none itself). A host key is trusted only when a line for the
/// host holds exactly that key; an unknown host and a changed key are refused with what to do — never
/// accepted silently, never added by nap.
///
/// Read: plain host patterns (`host`, `[host]:port`, `*` and `?` wildcards, `!` negation, lists with
/// commas), hashed names (`|1|salt|hash`, HMAC-SHA1), `@revoked` keys (refused). Not handled: `@cert-authority`
/// lines (host certificates), which are skipped.
struct KnownHosts {
    /// One key line: where it is, the host patterns, the key.
    struct Entry {
        let file: String
        let line: Int
        let hosts: String
        let type: String
        let key: [UInt8]
        let revoked: Bool
    }

    let files: [String]
    let entries: [Entry]

    /// The files ssh reads for the user whose home is `home`: `~/.ssh/known_hosts`, `~/.ssh/known_hosts2`,
    /// then the system's `/etc/ssh/ssh_known_hosts` and `/etc/ssh/ssh_known_hosts2`.
    static func user(home: String) -> KnownHosts {
        KnownHosts(files: [home + "/.ssh/known_hosts", home + "/.ssh/known_hosts2",
                           "/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"])
    }

    /// The user's home as ssh would find it (HOME, else the password database).
    static var home: String {
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { return home }
        if let pw = getpwuid(geteuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return NSHomeDirectory()
    }

    init(files: [String]) {
        self.files = files
        var entries: [Entry] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            for (index, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let entry = Self.parse(raw, file: file, line: index + 1) { entries.append(entry) }
            }
        }
        self.entries = entries
    }

    private static func parse(_ raw: Substring, file: String, line: Int) -> Entry? {
        var fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = fields.first, !first.hasPrefix("#") else { return nil }
        var revoked = false
        if first.hasPrefix("@") {
            guard first == "@revoked" else { return nil }
            revoked = true
            fields.removeFirst()
        }
        guard fields.count >= 3, let key = Data(base64Encoded: fields[2]) else { return nil }
        return Entry(file: file, line: line, hosts: fields[0], type: fields[1], key: [UInt8](key), revoked: revoked)
    }

    /// Trusted when a line for the host holds this key; refused with the reason and the way out otherwise.
    func verdict(for key: SSHHostKey) -> HostKeyVerdict {
        let name = key.knownHostsName
        let fingerprint = Self.fingerprint(key.blob)
        if let revoked = entries.first(where: { $0.revoked && $0.key == key.blob }) {
            return .refused("the ssh host key of \(name) (\(fingerprint)) is marked revoked in \(revoked.file) line \(revoked.line); nap does not connect")
        }
        let forHost = entries.filter { !$0.revoked && Self.matches(name, $0.hosts) }
        if forHost.contains(where: { $0.key == key.blob }) { return .trusted }
        if let known = forHost.first {
            return .refused("the ssh host key of \(name) does not match the one known for it (\(known.file) line \(known.line)): the server shows \(key.type) \(fingerprint). Someone may be intercepting the connection, or the server's key was changed; nap does not connect. Ask the server's administrator for its key's fingerprint; only if it is the one shown, replace the old line (`ssh-keygen -R '\(name)'`, then add the new key)")
        }
        let where_ = files.first ?? "~/.ssh/known_hosts"
        return .refused("the ssh host \(name) is unknown: no line for it in \(where_) or the system's known_hosts, and nap never accepts a host key unchecked. It shows \(key.type) \(fingerprint); ask the server's administrator whether that is its key, then add it (`ssh-keyscan \(key.port.map { "-p \($0) " } ?? "")\(key.host) >> ~/.ssh/known_hosts`, or connect once with `ssh` and answer yes)")
    }

    /// ssh's fingerprint of a key: `SHA256:` and the unpadded base64 of the SHA-256 of its blob.
    static func fingerprint(_ blob: [UInt8]) -> String {
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// True when `name` (`host` or `[host]:port`) matches a known_hosts host field: a hashed name, or a
    /// comma-separated list of patterns where a matching `!pattern` excludes the line.
    static func matches(_ name: String, _ hosts: String) -> Bool {
        if hosts.hasPrefix("|1|") {
            let parts = hosts.split(separator: "|", omittingEmptySubsequences: false)
            guard parts.count == 4, let salt = Data(base64Encoded: String(parts[2])), let hash = Data(base64Encoded: String(parts[3])) else { return false }
            let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(name.utf8), using: SymmetricKey(data: salt))
            return Data(mac) == hash
        }
        var matched = false
        for pattern in hosts.split(separator: ",") {
            if pattern.hasPrefix("!") {
                if wildcard(String(pattern.dropFirst()).lowercased(), name.lowercased()) { return false }
            } else if wildcard(String(pattern).lowercased(), name.lowercased()) {
                matched = true
            }
        }
        return matched
    }

    /// ssh's host pattern match: `*` any run of characters, `?` one character.
    static func wildcard(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1; ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
