/// The text of an OpenSSH allowed-signers file (ssh-keygen(1), ALLOWED SIGNERS), which
/// `git verify-commit` reads through `gpg.ssh.allowedSignersFile`. One line per entry:
///
///     alice@example.org namespaces="git,nap-event" ssh-ed25519 AAAAC3Nza…
///
/// OpenSSH reads the principal and the namespaces as pattern lists (`,` separates, `*` `?` match,
/// `!` negates), so values with those characters, quotes or whitespace are rejected rather than
/// escaped: each entry then means exactly one identity and exactly the namespaces listed.
/// Certificate authorities and validity windows are not written.
public struct AllowedSigners: Sendable, Equatable {
    /// One signer: an identity allowed to sign in the given namespaces with one key.
    public struct Entry: Sendable, Equatable {
        /// The identity git and `ssh-keygen -Y verify -I` look up, normally the committer email.
        public let principal: String
        /// The namespaces this key may sign in, such as `git`; never empty.
        public let namespaces: [String]
        /// The signer's key.
        public let key: SSHPublicKey

        /// Checks the principal and namespaces; throws `invalidPrincipal`, `invalidNamespace` or
        /// `noNamespaces`.
        public init(principal: String, namespaces: [String], key: SSHPublicKey) throws(SSHSigError) {
            try Self.validate(principal: principal)
            guard !namespaces.isEmpty else { throw .noNamespaces(principal: principal) }
            for namespace in namespaces {
                try SSHSignature.validate(namespace: namespace)
            }
            self.principal = principal
            self.namespaces = namespaces
            self.key = key
        }

        /// The entry's line, without a newline (the key's comment is left out).
        public var line: String {
            let key = SSHPublicKey(checkedRawRepresentation: key.rawRepresentation, comment: nil)
            return "\(principal) namespaces=\"\(namespaces.joined(separator: ","))\" \(key.authorizedKeyLine)"
        }

        private static func validate(principal: String) throws(SSHSigError) {
            let forbidden: Set<Character> = ["\"", ",", "*", "?"]
            if principal.isEmpty {
                throw .invalidPrincipal(principal, reason: "it is empty")
            }
            if principal.contains(where: { $0.isWhitespace }) {
                throw .invalidPrincipal(principal, reason: "it contains whitespace")
            }
            if principal.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw .invalidPrincipal(principal, reason: "it contains control characters")
            }
            if let character = principal.first(where: { forbidden.contains($0) }) {
                throw .invalidPrincipal(principal, reason: "it contains '\(character)', which OpenSSH reads as "
                    + "quoting or as a pattern")
            }
            if principal.hasPrefix("!") || principal.hasPrefix("#") {
                throw .invalidPrincipal(principal, reason: "it starts with '\(principal.prefix(1))'")
            }
        }
    }

    /// The signers, in file order.
    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The file's text: one line per entry, each ending in a newline.
    public var text: String {
        entries.map { $0.line + "\n" }.joined()
    }
}
