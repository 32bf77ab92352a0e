import CLibGit2
import Foundation

/// How far a transfer with a remote has got, as libgit2 reports it.
public struct TransferProgress: Sendable, Equatable {
    /// What the transfer is doing.
    public enum Phase: String, Sendable {
        /// Objects arriving from the remote.
        case receiving
        /// Arrived objects being indexed (deltas resolved).
        case resolving
        /// Objects being sent to the remote.
        case sending
    }

    public let phase: Phase
    /// Objects done so far in this phase.
    public let current: Int
    /// Objects to do in this phase (0 while unknown).
    public let total: Int
    /// Bytes transferred so far.
    public let bytes: Int

    public init(phase: Phase, current: Int, total: Int, bytes: Int) {
        self.phase = phase
        self.current = current
        self.total = total
        self.bytes = bytes
    }
}

/// The kinds of credential a server accepts (libgit2's `git_credential_t` bits).
public struct CredentialKinds: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// A user name and password (https).
    public static let userPassword = CredentialKinds(rawValue: GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue)
    /// An ssh key (from a file or from ssh-agent).
    public static let sshKey = CredentialKinds(rawValue: GIT_CREDENTIAL_SSH_KEY.rawValue)
    /// Only a user name (ssh asks for it before the key when the URL has none).
    public static let username = CredentialKinds(rawValue: GIT_CREDENTIAL_USERNAME.rawValue)
}

/// What a server asked for when it wanted credentials.
public struct CredentialRequest: Sendable, Equatable {
    /// The URL being accessed.
    public let url: String
    /// The user name in the URL (`git@host:…`), if any.
    public let username: String?
    /// What the server accepts.
    public let allowed: CredentialKinds
    /// 1 for the first request of an operation, 2 when the first answer was refused, …
    public let attempt: Int
    /// The ssh keys already offered in this operation, all refused by the server: answer with the next
    /// one to try, or nil when there is none left.
    public let refusedKeys: [Credential]

    public init(url: String, username: String?, allowed: CredentialKinds, attempt: Int = 1, refusedKeys: [Credential] = []) {
        self.url = url
        self.username = username
        self.allowed = allowed
        self.attempt = attempt
        self.refusedKeys = refusedKeys
    }
}

/// An answer to a `CredentialRequest`.
public enum Credential: Sendable, Equatable {
    /// Ask the running ssh-agent for a key the server accepts.
    case sshAgent(username: String)
    /// An ssh key from a file (`~/.ssh/id_ed25519`), with its public half beside it when there is one.
    /// Only keys without a passphrase are used.
    case sshKeyFile(username: String, privateKey: String, publicKey: String?)
    /// A user name and password (or token), for https.
    case userPassword(username: String, password: String)
    /// Only a user name (ssh's first question when the URL names none).
    case username(String)
}

extension Credential {
    /// True for an ssh key (from ssh-agent or a file).
    var isSSHKey: Bool {
        switch self {
        case .sshAgent, .sshKeyFile: true
        case .userPassword, .username: false
        }
    }
}

/// What the server made of a user name and password it was given (git's `credential approve` and
/// `credential reject`).
public enum CredentialVerdict: Sendable, Equatable {
    /// The operation that used it succeeded.
    case accepted
    /// The server asked again after it: it refused it.
    case refused
}

/// The Swift side of libgit2's remote callbacks. Everything runs synchronously, on the calling thread,
/// during the fetch, push or clone it is given to.
public struct RemoteCallbacks {
    /// Called often during a transfer; keep it cheap.
    public var progress: ((TransferProgress) -> Void)?
    /// Asked when the server wants credentials. Return nil when there are none to give: the operation
    /// then fails with an authentication error that says what was asked for. An error thrown here ends
    /// the operation and is rethrown, unchanged, by the fetch, push or clone. When nil itself, the
    /// default applies: ssh-agent for ssh, nothing for https.
    public var credentials: ((CredentialRequest) throws -> Credential?)?
    /// Told, once per operation, whether a user name and password given by `credentials` was accepted
    /// (the operation succeeded) or refused (the server asked again), to store or forget it as git does.
    public var verdict: ((CredentialRequest, Credential, CredentialVerdict) -> Void)?
    /// Asked for every ssh server's host key before anything is sent to it. When nil, every ssh server
    /// is refused: a host key is never accepted unchecked.
    public var hostKeyCheck: ((SSHHostKey) -> HostKeyVerdict)?

    public init(progress: ((TransferProgress) -> Void)? = nil, credentials: ((CredentialRequest) throws -> Credential?)? = nil,
                verdict: ((CredentialRequest, Credential, CredentialVerdict) -> Void)? = nil,
                hostKeyCheck: ((SSHHostKey) -> HostKeyVerdict)? = nil) {
        self.progress = progress
        self.credentials = credentials
        self.verdict = verdict
        self.hostKeyCheck = hostKeyCheck
    }

    /// The default answer: ssh-agent for ssh keys (once), as the URL's user or else the local user (as
    /// ssh does), that user name when only it is asked, nothing for passwords.
    public static func defaultCredential(for request: CredentialRequest) -> Credential? {
        let user = request.username ?? localUserName
        if request.allowed.contains(.sshKey) { return request.refusedKeys.isEmpty ? .sshAgent(username: user) : nil }
        if request.allowed.contains(.username) { return .username(user) }
        return nil
    }

    /// The name ssh logs in with when the URL gives none: the user running nap.
    public static var localUserName: String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "git"
    }
}
