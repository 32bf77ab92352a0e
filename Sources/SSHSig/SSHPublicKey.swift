import Crypto
import Foundation

/// An Ed25519 public key in OpenSSH form, as found in `id_ed25519.pub`, `authorized_keys` and
/// allowed-signers files.
///
/// Two keys are equal when their key bytes are equal; the comment does not take part.
public struct SSHPublicKey: Sendable, Hashable, CustomStringConvertible {
    /// The OpenSSH name of the only key type nap signs with.
    public static let keyType = "ssh-ed25519"

    /// The 32 bytes of the Ed25519 public key.
    public let rawRepresentation: [UInt8]
    /// The free-text comment after the key (often an email address), if any.
    public let comment: String?

    /// A key from its 32 raw bytes.
    public init(rawRepresentation: some Collection<UInt8>, comment: String? = nil) throws(SSHSigError) {
        guard rawRepresentation.count == 32 else {
            throw .malformedPublicKey("an ed25519 key has 32 bytes, not \(rawRepresentation.count)")
        }
        self.init(checkedRawRepresentation: Array(rawRepresentation), comment: comment)
    }

    /// A key from 32 bytes the caller has already checked (such as swift-crypto's own public key).
    init(checkedRawRepresentation: [UInt8], comment: String?) {
        self.rawRepresentation = checkedRawRepresentation
        self.comment = comment.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Reads a line such as `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI… alice@example.org`.
    ///
    /// Only `ssh-ed25519` keys are accepted; other OpenSSH key types throw `unsupportedKeyType`.
    public init(authorizedKeyLine line: String) throws(SSHSigError) {
        let fields = line.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(maxSplits: 2, omittingEmptySubsequences: true, whereSeparator: { $0 == " " || $0 == "\t" })
        guard let type = fields.first.map(String.init) else { throw .malformedPublicKey("the line is empty") }
        guard type == Self.keyType else {
            if Self.isOpenSSHKeyType(type) { throw .unsupportedKeyType(type) }
            throw .malformedPublicKey("it does not start with a key type such as '\(Self.keyType)'")
        }
        guard fields.count >= 2, let blob = Data(base64Encoded: String(fields[1])) else {
            throw .malformedPublicKey("the key after '\(type)' is missing or not valid base64")
        }
        let comment = fields.count == 3 ? String(fields[2]) : nil
        try self.init(wireFormat: Array(blob), comment: comment)
    }

    /// Reads the SSH wire encoding: `string("ssh-ed25519") ‖ string(32 key bytes)`.
    init(wireFormat blob: [UInt8], comment: String? = nil) throws(SSHSigError) {
        var reader = WireReader(blob)
        let type = String(decoding: try reader.readString(field: "public key type"), as: UTF8.self)
        guard type == Self.keyType else {
            if Self.isOpenSSHKeyType(type) { throw .unsupportedKeyType(type) }
            throw .malformedPublicKey("unknown key type '\(type)'")
        }
        let key = try reader.readString(field: "public key")
        try reader.expectEnd(of: "public key")
        try self.init(rawRepresentation: key, comment: comment)
    }

    /// The SSH wire encoding of the key, the blob that OpenSSH base64-encodes and fingerprints.
    public var wireFormat: [UInt8] {
        var writer = WireWriter()
        writer.append(string: Self.keyType)
        writer.append(string: rawRepresentation)
        return writer.bytes
    }

    /// `ssh-ed25519 AAAA… comment`, the form of a `.pub` file line (without a newline). Line breaks in
    /// the comment become spaces so the result stays one line.
    public var authorizedKeyLine: String {
        let key = "\(Self.keyType) \(Data(wireFormat).base64EncodedString())"
        guard let comment else { return key }
        return key + " " + comment.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// `SHA256:…`, the fingerprint exactly as `ssh-keygen -l` prints it (base64 without padding).
    public var fingerprint: String {
        let digest = Data(SHA256.hash(data: wireFormat)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    public var description: String { authorizedKeyLine }

    public static func == (lhs: SSHPublicKey, rhs: SSHPublicKey) -> Bool {
        lhs.rawRepresentation == rhs.rawRepresentation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawRepresentation)
    }

    /// The swift-crypto key, for verifying.
    var signingKey: Curve25519.Signing.PublicKey {
        get throws(SSHSigError) {
            do {
                return try Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)
            } catch {
                throw .malformedPublicKey("the 32 bytes are not an ed25519 public key")
            }
        }
    }

    /// Whether `name` is a key type OpenSSH knows (so the right error is "unsupported", not "garbled").
    private static func isOpenSSHKeyType(_ name: String) -> Bool {
        ["ssh-", "ecdsa-", "sk-", "rsa-", "x509v3-"].contains { name.hasPrefix($0) }
    }
}
