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

    public init(url: String, username: String?, allowed: CredentialKinds, attempt: Int = 1) {
        self.url = url
        self.username = username
        self.allowed = allowed
        self.attempt = attempt
    }
}

/// An answer to a `CredentialRequest`.
public enum Credential: Sendable, Equatable {
    /// Ask the running ssh-agent for a key the server accepts.
    case sshAgent(username: String)
    /// A user name and password (or token), for https.
    case userPassword(username: String, password: String)
    /// Only a user name (ssh's first question when the URL names none).
    case username(String)
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

    public init(progress: ((TransferProgress) -> Void)? = nil, credentials: ((CredentialRequest) throws -> Credential?)? = nil,
                verdict: ((CredentialRequest, Credential, CredentialVerdict) -> Void)? = nil) {
        self.progress = progress
        self.credentials = credentials
        self.verdict = verdict
    }

    /// The default answer: ssh-agent for ssh keys (user `git` unless the URL names one), the URL's user
    /// name when only that is asked, nothing for passwords.
    public static func defaultCredential(for request: CredentialRequest) -> Credential? {
        if request.allowed.contains(.sshKey) { return .sshAgent(username: request.username ?? "git") }
        if request.allowed.contains(.username) { return .username(request.username ?? "git") }
        return nil
    }
}

/// The state one remote operation shares with libgit2's C callbacks, passed through the payload
/// pointer (C function pointers cannot capture context).
final class RemoteOperationContext {
    let callbacks: RemoteCallbacks
    /// How many times credentials were asked for.
    var credentialAttempts = 0
    /// Why authentication failed, when it did: replaces libgit2's less helpful message.
    var authenticationFailure: String?
    /// What the `credentials` callback threw: the operation rethrows it.
    var callbackError: (any Error)?
    /// The user name and password last given, until the server's verdict on it is known.
    private var pendingPassword: (request: CredentialRequest, credential: Credential)?
    /// Every per-reference answer of the server to a push: reference name, and the refusal (nil: accepted).
    var pushStatuses: [(reference: String, refusal: String?)] = []

    init(_ callbacks: RemoteCallbacks) {
        self.callbacks = callbacks
    }

    /// The most credentials are asked for in one operation before nap gives up (libgit2 asks again
    /// every time the server refuses, forever).
    static let maximumCredentialAttempts = 3

    /// Kinds of credential already given in this operation: asked again for one of them means the server
    /// refused it.
    private var given: Set<String> = []

    func credential(url: String, username: String?, allowed: CredentialKinds) -> (Credential?, failure: String?) {
        credentialAttempts += 1
        let refusedSSH = allowed.contains(.sshKey) && given.contains("ssh")
        let refusedPassword = allowed.contains(.userPassword) && given.contains("password")
        if refusedPassword, let pending = pendingPassword {
            pendingPassword = nil
            callbacks.verdict?(pending.request, pending.credential, .refused)
        }
        if credentialAttempts > Self.maximumCredentialAttempts || refusedSSH || refusedPassword {
            return (nil, "the server at \(url) refused the credentials offered" + (refusedSSH ? " (no key in ssh-agent was accepted)" : ""))
        }
        let request = CredentialRequest(url: url, username: username, allowed: allowed, attempt: credentialAttempts)
        let answer: Credential?
        do {
            answer = try callbacks.credentials.map { try $0(request) } ?? RemoteCallbacks.defaultCredential(for: request)
        } catch {
            callbackError = error
            return (nil, "\(error)")
        }
        switch answer {
        case nil:
            if allowed.contains(.userPassword) {
                return (nil, "\(url) asks for a user name and password, and no credential helper gave one")
            }
            return (nil, "\(url) asks for credentials of a kind nap cannot give")
        case .sshAgent?:
            given.insert("ssh")
            if ProcessInfo.processInfo.environment["SSH_AUTH_SOCK"]?.isEmpty ?? true {
                return (nil, "\(url) asks for an ssh key, and no ssh-agent is running (SSH_AUTH_SOCK is not set)")
            }
        case .userPassword?:
            given.insert("password")
            if let answer { pendingPassword = (request, answer) }
        case .username?:
            break
        }
        return (answer, nil)
    }

    /// Runs `body` with libgit2 callbacks that call back into this context.
    func withCallbacks<R>(_ body: (git_remote_callbacks) throws -> R) throws -> R {
        var raw = git_remote_callbacks()
        try check(git_remote_init_callbacks(&raw, UInt32(GIT_REMOTE_CALLBACKS_VERSION)), "git_remote_init_callbacks")
        raw.payload = Unmanaged.passUnretained(self).toOpaque()
        raw.credentials = { out, url, username, allowed, payload in
            guard let out, let payload else { return GIT_EAUTH.rawValue }
            let context = Unmanaged<RemoteOperationContext>.fromOpaque(payload).takeUnretainedValue()
            let urlText = text(url)
            let (answer, failure) = context.credential(url: urlText, username: username.map { text($0) },
                                                      allowed: CredentialKinds(rawValue: allowed))
            guard let answer else {
                let message = failure ?? "authentication failed for \(urlText)"
                context.authenticationFailure = message
                git_error_set_str(Int32(GIT_ERROR_NET.rawValue), message)
                return GIT_EAUTH.rawValue
            }
            switch answer {
            case .sshAgent(let user):
                return git_credential_ssh_key_from_agent(out, user)
            case .userPassword(let user, let password):
                return git_credential_userpass_plaintext_new(out, user, password)
            case .username(let user):
                return git_credential_username_new(out, user)
            }
        }
        raw.transfer_progress = { stats, payload in
            guard let stats, let payload else { return 0 }
            let context = Unmanaged<RemoteOperationContext>.fromOpaque(payload).takeUnretainedValue()
            guard let report = context.callbacks.progress else { return 0 }
            let s = stats.pointee
            if s.received_objects < s.total_objects || s.total_deltas == 0 {
                report(TransferProgress(phase: .receiving, current: Int(s.received_objects), total: Int(s.total_objects), bytes: Int(s.received_bytes)))
            } else {
                report(TransferProgress(phase: .resolving, current: Int(s.indexed_deltas), total: Int(s.total_deltas), bytes: Int(s.received_bytes)))
            }
            return 0
        }
        raw.push_transfer_progress = { current, total, bytes, payload in
            guard let payload else { return 0 }
            let context = Unmanaged<RemoteOperationContext>.fromOpaque(payload).takeUnretainedValue()
            context.callbacks.progress?(TransferProgress(phase: .sending, current: Int(current), total: Int(total), bytes: bytes))
            return 0
        }
        raw.push_update_reference = { reference, status, payload in
            guard let payload else { return 0 }
            let context = Unmanaged<RemoteOperationContext>.fromOpaque(payload).takeUnretainedValue()
            context.pushStatuses.append((text(reference), status.map { text($0) }))
            return 0
        }
        return try withExtendedLifetime(self) { try body(raw) }
    }

    /// Runs a libgit2 network call, turning an authentication failure into a clear GitError (or the
    /// error the credentials callback threw), and tells the callbacks a password given was accepted
    /// when the call succeeded.
    func run(_ body: () throws -> Void) throws {
        do {
            try body()
            if let pending = pendingPassword {
                pendingPassword = nil
                callbacks.verdict?(pending.request, pending.credential, .accepted)
            }
        } catch let error as GitError {
            if let callbackError { throw callbackError }
            if let failure = authenticationFailure {
                throw GitError(code: GIT_EAUTH.rawValue, errorClass: Int32(GIT_ERROR_NET.rawValue), message: failure, function: error.function)
            }
            throw error
        }
    }
}
