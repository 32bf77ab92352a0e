import Foundation
import GitKit
import SSHSig

/// Where nap wrote the allowed-signers file, and what it holds.
public struct AllowedSignersFiles: Sendable {
    /// The file inside the git folder: `.git/nap/allowed_signers` (never committed).
    public let gitPath: String
    /// The copy in the working tree, `.nap/allowed_signers`, excluded from git through `.git/info/exclude`.
    public let workTreePath: String
    /// The file's text.
    public let text: String
    /// How many keys it lists.
    public let count: Int
    /// Members whose email cannot be written into the file (with the reason); their keys are left out.
    public let skipped: [String]
}

extension PlanStore {
    /// The allowed-signers text for every key members.yml on main has listed, generated from main's
    /// first-parent history (docs/SIGNING.md): each key with namespaces `git` and `nap-event`; a key
    /// that was later replaced or removed carries `valid-before` = the time of the commit that removed
    /// it, so that stock git accepts old signatures by it and rejects newer ones. When the working tree
    /// is on main, keys added there but not yet saved are listed too.
    public func allowedSigners() throws -> (text: String, count: Int, skipped: [String]) {
        struct Listing {
            let email: String
            let key: SSHPublicKey
            var retired: Date?
        }
        var listings: [Listing] = []
        var index: [String: Int] = [:]
        func identity(_ email: String, _ key: SSHPublicKey) -> String { email.lowercased() + " " + key.fingerprint }
        func list(_ members: Members, at time: Date?) {
            var present = Set<String>()
            for member in members.all {
                guard let key = MembersTimeline.key(of: member) else { continue }
                let id = identity(member.email, key)
                present.insert(id)
                if let existing = index[id] {
                    listings[existing].retired = nil
                } else {
                    index[id] = listings.count
                    listings.append(Listing(email: member.email, key: key, retired: nil))
                }
            }
            guard let time else { return }
            for (id, position) in index where !present.contains(id) && listings[position].retired == nil {
                listings[position].retired = time
            }
        }
        let timeline = MembersTimeline(repository: repository, head: try mainHead())
        for point in try timeline.all().reversed() {
            list(try timeline.members(blob: point.blob), at: point.time)
        }
        if try currentBranch() == RefNames.main, let workTree = try workTreeMembers().value {
            list(workTree, at: nil)
        }
        var lines: [String] = []
        var skipped: [String] = []
        for listing in listings {
            do {
                let entry = try AllowedSigners.Entry(principal: listing.email, namespaces: [SigningNamespace.git, SigningNamespace.event], key: listing.key)
                // `principal namespaces="…" ssh-ed25519 AAAA…`: neither of the first two fields has spaces.
                let fields = entry.line.split(separator: " ", maxSplits: 2).map(String.init)
                let window = listing.retired.map { ",valid-before=\"\(Self.allowedSignersTime($0))\"" } ?? ""
                lines.append(fields.count == 3 ? "\(fields[0]) \(fields[1])\(window) \(fields[2])" : entry.line)
            } catch {
                skipped.append("\(listing.email): \(error.description)")
            }
        }
        return (lines.map { $0 + "\n" }.joined(), lines.count, skipped)
    }

    /// Writes the allowed-signers file to `.git/nap/allowed_signers` and `.nap/allowed_signers` (kept out of
    /// git by `.git/info/exclude`), creating folders as needed.
    @discardableResult
    public func writeAllowedSigners() throws -> AllowedSignersFiles {
        let (text, count, skipped) = try allowedSigners()
        let gitDirectory = repository.gitDirectory.hasSuffix("/") ? repository.gitDirectory : repository.gitDirectory + "/"
        let gitPath = gitDirectory + "nap/allowed_signers"
        let workTreePath = root + ".nap/allowed_signers"
        try excludeWorkTreeCopy(gitDirectory: gitDirectory)
        for path in [gitPath, workTreePath] {
            try FileWrite.createFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path)
            try FileWrite.write(Data(text.utf8), to: path)
        }
        return AllowedSignersFiles(gitPath: gitPath, workTreePath: workTreePath, text: text, count: count, skipped: skipped)
    }

    /// Adds `/.nap/` to `.git/info/exclude` once, so the working-tree copy is never committed or seen as a change.
    private func excludeWorkTreeCopy(gitDirectory: String) throws {
        let path = gitDirectory + "info/exclude"
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let pattern = "/.nap/"
        if existing.split(whereSeparator: \.isNewline).contains(where: { $0.trimmingCharacters(in: .whitespaces) == pattern }) { return }
        let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        let text = existing + separator + "# nap: generated files (allowed signers)\n" + pattern + "\n"
        try FileWrite.createFolder(gitDirectory + "info")
        try FileWrite.write(Data(text.utf8), to: path)
    }

    /// `YYYYMMDDHHMMSSZ`, the UTC time form of allowed-signers `valid-before`/`valid-after`.
    static func allowedSignersTime(_ date: Date) -> String {
        let calendar = Calendar(identifier: .gregorian)
        let parts = calendar.dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        return String(format: "%04d%02d%02d%02d%02d%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}

extension PlanStore {
    /// Makes stock git in this repository check SSH signatures with the allowed-signers file at `path`
    /// (`gpg.format=ssh`, `gpg.ssh.allowedSignersFile` in .git/config).
    public func configureSignatureChecking(allowedSigners path: String) throws {
        try PlanError.wrap {
            try repository.setConfig("gpg.format", "ssh")
            try repository.setConfig("gpg.ssh.allowedSignersFile", path)
        }
    }
}

extension SigningKey {
    /// The key nap would sign with for someone working in `path` (a plan or not): `locate` with the
    /// repository found from there, if any.
    public static func locate(environment: [String: String], from path: String) throws -> SigningKey? {
        try locate(environment: environment, repository: try? Repository.discover(from: path))
    }
}
