import Foundation
import GitKit
import Localization
import SSHSig

/// A key pair nap generated.
public struct GeneratedKey: Sendable {
    public let privatePath: String
    public let publicPath: String
    public let publicKey: SSHPublicKey
}

extension SigningKey {
    /// Generates an ed25519 key in OpenSSH format: the private key at `path` (mode 0600, default
    /// `~/.ssh/id_ed25519`, where ssh keeps keys) and the public key at `path.pub`. Never overwrites.
    public static func generate(at path: String?, comment: String, environment: [String: String]) throws -> GeneratedKey {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let privatePath = expand(path ?? "~/.ssh/id_ed25519", home: home)
        let publicPath = privatePath + ".pub"
        let manager = FileManager.default
        for existing in [privatePath, publicPath] where manager.fileExists(atPath: existing) || (try? manager.destinationOfSymbolicLink(atPath: existing)) != nil {
            throw PlanError.refused(reason: L("not overwriting \(existing): a file is already there"),
                                    hint: L("use it (`nap key show`), or give another place: nap key generate --path ~/.ssh/nap_ed25519"))
        }
        let folder = URL(fileURLWithPath: privatePath).deletingLastPathComponent().path
        if !manager.fileExists(atPath: folder) {
            try FileWrite.createFolder(folder, attributes: [.posixPermissions: 0o700])
        }
        let key = SSHPrivateKey.generate(comment: comment)
        do throws(SSHSigError) {
            try key.write(to: URL(fileURLWithPath: privatePath))
        } catch .writeFailed(let path, let message) {
            throw PlanError.refused(reason: L("cannot write \(path): \(message.lowercased())"),
                                    hint: L("choose a folder that exists and you may write to: nap key generate --path <file>"))
        } catch {
            throw PlanError.refused(reason: Message(verbatim: error.description), hint: nil)
        }
        do {
            try FileWrite.write(Data((key.publicKey.authorizedKeyLine + "\n").utf8), to: publicPath, options: .withoutOverwriting)
        } catch {
            try? manager.removeItem(atPath: privatePath)
            throw error
        }
        return GeneratedKey(privatePath: privatePath, publicPath: publicPath, publicKey: key.publicKey)
    }

    /// The line members.yml stores for a key: `ssh-ed25519 AAAA…`, without the comment.
    public static func keyLine(_ key: SSHPublicKey) -> String {
        (try? SSHPublicKey(rawRepresentation: key.rawRepresentation))?.authorizedKeyLine ?? key.authorizedKeyLine
    }

    /// Reads an OpenSSH public key file (`id_ed25519.pub`): one `ssh-ed25519 AAAA… comment` line.
    public static func readPublicKey(file path: String) throws -> SSHPublicKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlanError.invalidInput(L("cannot read the public key file \(path)"))
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.contains("PRIVATE KEY-----") {
            throw PlanError.invalidInput(L("\(path) is a private key; give its public half (\(path).pub) — never share the private key"))
        }
        let line = text.split(whereSeparator: \.isNewline).first { !$0.trimmed.isEmpty && !$0.trimmed.hasPrefix("#") }.map(String.init) ?? ""
        do throws(SSHSigError) {
            return try SSHPublicKey(authorizedKeyLine: line)
        } catch .unsupportedKeyType(let type) {
            throw PlanError.invalidInput(L("\(path) holds a \(type) key; nap signs and verifies only ed25519 keys (create one with `nap key generate`)"))
        } catch {
            throw PlanError.invalidInput(L("\(path) is not an OpenSSH public key: \(error.description)"))
        }
    }
}

extension PlanStore {
    /// Sets a member's public key in members.yml in the working tree (one `key:` line; nothing else in
    /// the file changes). Not committed: once the forum is founded, a key change goes through a proposal
    /// like any change to members.yml. Returns the member as the file now lists them.
    @discardableResult
    public func setMemberKey(id: String, key: SSHPublicKey) throws -> Member {
        let path = root + PlanFiles.members
        guard let bytes = try workTreeFiles.read(PlanFiles.members) else {
            throw PlanError.notFound(kind: L("file"), name: PlanFiles.members)
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw PlanError.invalidInput(L("\(PlanFiles.members) is not UTF-8 text; fix it first (nap validate shows where)"))
        }
        let line = SigningKey.keyLine(key)
        let updated: String
        do {
            updated = try MembersKeyEditor.settingKey(line, ofMember: id, in: text)
        } catch FormatError.invalidMember(field: "id", _, _) {
            throw PlanError.notFound(kind: L("member"), name: id)
        }
        let members = Members.parse(Array(updated.utf8)).value
        if let other = members?.all.first(where: { $0.id != id && MembersTimeline.key(of: $0) == key }) {
            throw PlanError.refused(reason: L("\(PlanFiles.members) already gives this key (\(key.fingerprint)) to \(other.name) (\(other.id)); each member needs their own key"), hint: nil)
        }
        try FileWrite.write(Data(updated.utf8), to: path, shownAs: PlanFiles.members)
        guard let member = members?.member(id: id) else { throw PlanError.notFound(kind: L("member"), name: id) }
        return member
    }
}
