import SSHSig

/// Public keys of members as people compare them.
public enum MemberKey {
    /// The SHA256 fingerprint of an OpenSSH public key line (`ssh-ed25519 AAAA… comment`), as
    /// `ssh-keygen -l` prints it; nil when the line is not a key nap reads.
    public static func fingerprint(ofKeyLine line: String) -> String? {
        try? SSHPublicKey(authorizedKeyLine: line).fingerprint
    }
}
