import Foundation
import GitKit

/// The ssh keys nap offers a server, in the order ssh offers them: the keys in ssh-agent (when
/// SSH_AUTH_SOCK names one), then the default identity files in `~/.ssh` that exist and have no
/// passphrase (`id_ed25519`, `id_ecdsa`, `id_rsa`). A key with a passphrase is used only through
/// ssh-agent (`ssh-add` asks for the passphrase once); nap never asks for it.
enum SSHKeys {
    /// The identity files ssh tries by default, in its order (DSA and security-key files left out).
    static let defaultFiles = ["id_ed25519", "id_ecdsa", "id_rsa"]

    /// The keys to offer, logged in as `user`.
    static func candidates(user: String, home: String = KnownHosts.home,
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> [Credential] {
        var keys: [Credential] = []
        if let socket = environment["SSH_AUTH_SOCK"], !socket.isEmpty { keys.append(.sshAgent(username: user)) }
        for name in defaultFiles {
            let path = home + "/.ssh/" + name
            guard let data = FileManager.default.contents(atPath: path), !isEncrypted(data) else { continue }
            let publicKey = path + ".pub"
            keys.append(.sshKeyFile(username: user, privateKey: path,
                                    publicKey: FileManager.default.fileExists(atPath: publicKey) ? publicKey : nil))
        }
        return keys
    }

    /// The next key to offer after the `refused` ones; nil when every key was refused.
    static func next(after refused: [Credential], user: String) -> Credential? {
        candidates(user: user).first { !refused.contains($0) }
    }

    /// True when a private key file needs a passphrase: an OpenSSH key whose cipher is not `none`, or a
    /// PEM key marked `ENCRYPTED`.
    static func isEncrypted(_ data: Data) -> Bool {
        let text = String(decoding: data, as: UTF8.self)
        if text.contains("ENCRYPTED") { return true }
        guard text.contains("BEGIN OPENSSH PRIVATE KEY") else { return false }
        let body = text.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        guard let blob = Data(base64Encoded: body) else { return true }
        // "openssh-key-v1\0", then the cipher's name as a length-prefixed string.
        let magic = 15
        guard blob.count > magic + 4 else { return true }
        let bytes = [UInt8](blob)
        let length = Int(bytes[magic]) << 24 | Int(bytes[magic + 1]) << 16 | Int(bytes[magic + 2]) << 8 | Int(bytes[magic + 3])
        guard length >= 0, magic + 4 + length <= bytes.count else { return true }
        return String(decoding: bytes[(magic + 4)..<(magic + 4 + length)], as: UTF8.self) != "none"
    }
}
