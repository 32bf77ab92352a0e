import Foundation
import Localization
import PlanKit
#if canImport(Glibc)
import Glibc
#endif

/// One-time invitations for members to sign in to `nap serve` (no passwords): `nap serve invite <id>`
/// makes a random token, shown once inside a link; the server keeps only its SHA-256, the member it is
/// for and when it expires, in `<git dir>/nap/private/invitations.json` (owner-only, never committed).
/// Using it signs the member in and marks it used: a second use, an expired one or an unknown one is
/// refused alike.
public enum Invitations {
    struct Entry: Codable {
        let digest: String
        let member: String
        let expires: Date
        var used: Date?
    }

    /// How long an invitation is good for by default: three days.
    public static let defaultLifetime: TimeInterval = 3 * 24 * 3600

    /// Makes an invitation for the member with this id (who must be in members.yml on main, and not a
    /// host). Returns the token (shown once; only its digest is kept) and when it expires.
    public static func create(for member: String, in store: PlanStore, lifetime: TimeInterval = defaultLifetime,
                              now: Date = Date()) throws -> (token: String, expires: Date) {
        let members = try store.currentMembers()
        guard let found = members.member(id: member) else {
            throw PlanError.notFound(kind: L("member"), name: member)
        }
        guard found.role.rawValue != "host" else {
            throw PlanError.refused(reason: L("\(member) is a host; hosts act for people, they do not sign in"), hint: nil)
        }
        let token = Token.random()
        let expires = now.addingTimeInterval(lifetime)
        try update(in: try store.privateDirectory()) { entries in
            entries.removeAll { $0.expires < now.addingTimeInterval(-30 * 24 * 3600) }
            entries.append(Entry(digest: Token.digest(token), member: member, expires: expires, used: nil))
        }
        return (token, expires)
    }

    /// Uses an invitation: the member it was for, once; nil when the token is unknown, used or expired.
    static func redeem(_ token: String, in directory: String, now: Date = Date()) throws -> String? {
        guard Token.isWellFormed(token) else { return nil }
        let digest = Token.digest(token)
        var member: String?
        try update(in: directory) { entries in
            guard let index = entries.firstIndex(where: { Token.equal($0.digest, digest) }) else { return }
            guard entries[index].used == nil, entries[index].expires > now else { return }
            entries[index].used = now
            member = entries[index].member
        }
        return member
    }

    /// Whether a token is one that could still be used (for the page that asks to confirm signing in).
    static func isUsable(_ token: String, in directory: String, now: Date = Date()) -> Bool {
        guard Token.isWellFormed(token), let entries = try? read(in: directory) else { return false }
        let digest = Token.digest(token)
        return entries.contains { Token.equal($0.digest, digest) && $0.used == nil && $0.expires > now }
    }

    static func file(in directory: String) -> String { directory + "invitations.json" }

    static func read(in directory: String) throws -> [Entry] {
        guard let data = FileManager.default.contents(atPath: file(in: directory)), !data.isEmpty else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode([Entry].self, from: data)
    }

    /// Reads, changes and writes the file under an exclusive lock (the command line and the server both
    /// write it), replacing it atomically.
    static func update(in directory: String, _ change: (inout [Entry]) throws -> Void) throws {
        let lockPath = directory + "invitations.lock"
        let descriptor = open(lockPath, O_CREAT | O_RDWR, 0o600)
        guard descriptor >= 0 else { throw PlanError.refused(reason: L("cannot open \(lockPath)"), hint: nil) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw PlanError.refused(reason: L("cannot lock \(lockPath)"), hint: nil) }
        defer { flock(descriptor, LOCK_UN) }
        var entries = try read(in: directory)
        try change(&entries)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        try PrivateFile.write(try encoder.encode(entries), to: file(in: directory))
    }
}

/// Files of the private folder: written owner-only, replaced atomically.
enum PrivateFile {
    static func write(_ data: Data, to path: String) throws {
        let temporary = path + ".tmp-" + Token.random(bytes: 6)
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw PlanError.refused(reason: L("cannot write \(path)"), hint: nil)
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw PlanError.refused(reason: L("cannot replace \(path)"), hint: nil)
        }
    }

    /// Appends one line to a file (created owner-only), flushed to disk before returning.
    static func append(line: String, to path: String) throws {
        let descriptor = open(path, O_CREAT | O_WRONLY | O_APPEND, 0o600)
        guard descriptor >= 0 else { throw PlanError.refused(reason: L("cannot open \(path)"), hint: nil) }
        defer { close(descriptor) }
        let bytes = Array((line + "\n").utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else { throw PlanError.refused(reason: L("cannot write \(path)"), hint: nil) }
    }
}
