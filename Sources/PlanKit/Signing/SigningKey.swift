import Foundation
import GitKit
import Localization
import SSHSig

/// The namespaces nap signs in (SSHSIG's "purpose" field), so that a signature made for one use is never
/// accepted for another.
public enum SigningNamespace {
    /// Commits and tags: what `git verify-commit` and `git verify-tag` check.
    public static let git = "git"
    /// Event files of the record (`…/events/<id>.sig`): checked with `ssh-keygen -Y verify -n nap-event`.
    public static let event = "nap-event"
}

/// Where nap found the key it signs with.
public enum SigningKeyOrigin: String, Sendable, Equatable {
    /// The `NAP_SIGNING_KEY` environment variable (a path).
    case environment = "NAP_SIGNING_KEY"
    /// git's `user.signingkey` (a private key file, or its `.pub` beside it).
    case gitConfig = "user.signingkey"
    /// `~/.ssh/id_ed25519`, where ssh keeps a default ed25519 key.
    case sshDefault = "~/.ssh/id_ed25519"
}

/// The private key nap signs commits, tags and events with, and where it came from.
public struct SigningKey: Sendable {
    public let privateKey: SSHPrivateKey
    /// The private key file.
    public let path: String
    public let origin: SigningKeyOrigin

    /// The public half (what members.yml should list for this person).
    public var publicKey: SSHPublicKey { privateKey.publicKey }

    /// Finds the signing key: `NAP_SIGNING_KEY` (a path; `none` turns signing off), else git's
    /// `user.signingkey` when it names a key file, else `~/.ssh/id_ed25519`. Nil when there is none.
    ///
    /// A key nap cannot use (passphrase-protected, not ed25519, damaged, missing where named) is an
    /// error that says how to proceed, never a silent fallback to unsigned.
    public static func locate(environment: [String: String], repository: Repository?) throws -> SigningKey? {
        let home = environment["HOME"] ?? NSHomeDirectory()
        if let value = environment["NAP_SIGNING_KEY"] {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.lowercased() == "none" { return nil }
            return try load(path: expand(trimmed, home: home), origin: .environment, required: true)
        }
        if let configured = try? repository?.configString("user.signingkey"), !configured.isEmpty {
            if configured.hasPrefix("key::") {
                throw PlanError.refused(
                    reason: L("git's user.signingkey holds a public key (\(configured.prefix(24))…); nap signs in process and needs the private key file"),
                    hint: L("point it at the private key: git config user.signingkey ~/.ssh/id_ed25519 (or set NAP_SIGNING_KEY)"))
            }
            let path = expand(configured, home: home)
            // A value that is not a path is a GPG key id (gpg.format=openpgp): not nap's business.
            let looksLikePath = configured.contains("/") || configured.hasPrefix("~")
            if looksLikePath || FileManager.default.fileExists(atPath: path) {
                return try load(path: path, origin: .gitConfig, required: true)
            }
        }
        return try load(path: home + "/.ssh/id_ed25519", origin: .sshDefault, required: false)
    }

    /// Reads a private key file (or the private key beside a `.pub` file).
    static func load(path: String, origin: SigningKeyOrigin, required: Bool) throws -> SigningKey? {
        var path = path
        let manager = FileManager.default
        if path.hasSuffix(".pub") {
            let privatePath = String(path.dropLast(4))
            guard manager.fileExists(atPath: privatePath) else {
                throw PlanError.refused(
                    reason: L("\(path) (from \(origin.rawValue)) is a public key and there is no private key \(privatePath) beside it"),
                    hint: L("nap signs in process and needs the private key file; ssh-agent is not used"))
            }
            path = privatePath
        }
        guard let data = manager.contents(atPath: path) else {
            if !required && !manager.fileExists(atPath: path) { return nil }
            throw PlanError.refused(reason: L("cannot read the signing key \(path) (from \(origin.rawValue))"),
                                    hint: L("create one with `nap key generate`, or point \(origin.rawValue) at an existing ed25519 key"))
        }
        let text = String(decoding: data, as: UTF8.self)
        do throws(SSHSigError) {
            return SigningKey(privateKey: try SSHPrivateKey(openSSHFormat: text), path: path, origin: origin)
        } catch {
            throw problem(error, text: text, path: path, origin: origin)
        }
    }

    /// The user-facing error for a key file that cannot be used.
    private static func problem(_ error: SSHSigError, text: String, path: String, origin: SigningKeyOrigin) -> PlanError {
        let source = "the signing key \(path) (from \(origin.rawValue))"
        let generate = L("create a key for nap with `nap key generate --path ~/.ssh/nap_ed25519`, register it with `nap member key <your id> ~/.ssh/nap_ed25519.pub` in a proposal, and use it: git config user.signingkey ~/.ssh/nap_ed25519")
        for label in ["RSA", "DSA", "EC"] where text.contains("-----BEGIN \(label) PRIVATE KEY-----") {
            return .refused(reason: L("\(source) is a \(label) key in PEM format; nap signs only with ed25519 keys"), hint: generate)
        }
        if text.contains("-----BEGIN PRIVATE KEY-----") || text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
            return .refused(reason: L("\(source) is a PKCS#8 key; nap reads ed25519 keys in OpenSSH format only"), hint: generate)
        }
        if text.hasPrefix("ssh-") || text.hasPrefix("ecdsa-") {
            return .refused(reason: L("\(source) is a public key; nap needs the private key file"), hint: L("name the private key (the file without .pub)"))
        }
        switch error {
        case .encryptedKey(let cipher):
            return .refused(
                reason: L("\(source) is protected by a passphrase (\(cipher)); nap signs in process and cannot ask for passphrases or use ssh-agent"),
                hint: generate + L("; or remove the passphrase with `ssh-keygen -p -f \(path)`; or set NAP_SIGNING_KEY=none to work unsigned"))
        case .unsupportedKeyType(let type):
            return .refused(reason: L("\(source) is a \(type) key; nap signs only with ed25519 keys"), hint: generate)
        default:
            return .refused(reason: L("\(source) cannot be used: \(error.description)"), hint: generate)
        }
    }

    static func expand(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }
}
