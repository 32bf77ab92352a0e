import CLibGit2
import Foundation

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

    /// The URL being fetched from or pushed to (for the port an ssh host key is known under).
    let url: String?
    /// Why the server's identity was refused, when it was (an unknown or changed host key, an untrusted
    /// certificate).
    var serverFailure: String?

    init(_ callbacks: RemoteCallbacks, url: String? = nil) {
        self.callbacks = callbacks
        self.url = url
    }

    /// The most credentials are asked for in one operation before nap gives up (libgit2 asks again
    /// every time the server refuses, forever): a user name, ssh-agent and a few key files.
    static let maximumCredentialAttempts = 8

    /// ssh keys given in this operation: asked again for a key means the server refused them.
    private var keysGiven: [Credential] = []
    /// A password was given in this operation: asked again for one means the server refused it.
    private var passwordGiven = false

    func credential(url: String, username: String?, allowed: CredentialKinds) -> (Credential?, failure: String?) {
        credentialAttempts += 1
        let refusedPassword = allowed.contains(.userPassword) && passwordGiven
        if refusedPassword, let pending = pendingPassword {
            pendingPassword = nil
            callbacks.verdict?(pending.request, pending.credential, .refused)
        }
        if credentialAttempts > Self.maximumCredentialAttempts || refusedPassword {
            return (nil, "the server at \(url) refused the credentials offered")
        }
        let refusedKeys = allowed.contains(.sshKey) ? keysGiven : []
        let request = CredentialRequest(url: url, username: username, allowed: allowed, attempt: credentialAttempts, refusedKeys: refusedKeys)
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
            if allowed.contains(.sshKey) {
                if !refusedKeys.isEmpty {
                    let offered = refusedKeys.map(Self.describe).joined(separator: ", ")
                    return (nil, "the server at \(url) refused the credentials offered (ssh keys tried: \(offered))")
                }
                return (nil, "\(url) asks for an ssh key, and none was found (no ssh-agent running, no key file in ~/.ssh)")
            }
            return (nil, "\(url) asks for credentials of a kind nap cannot give")
        case let given? where given.isSSHKey:
            keysGiven.append(given)
            if case .sshAgent = given, ProcessInfo.processInfo.environment["SSH_AUTH_SOCK"]?.isEmpty ?? true {
                return (nil, "\(url) asks for an ssh key, and no ssh-agent is running (SSH_AUTH_SOCK is not set)")
            }
        case let given?:
            if case .userPassword = given {
                passwordGiven = true
                pendingPassword = (request, given)
            }
        }
        return (answer, nil)
    }

    /// How a refused key is named in a message (never more than where it came from).
    private static func describe(_ credential: Credential) -> String {
        switch credential {
        case .sshAgent: "the keys in ssh-agent"
        case .sshKeyFile(_, let path, _): path
        default: "?"
        }
    }

    /// Checks a server's identity: an ssh host key through `hostKeyCheck` (refused when there is none), a
    /// TLS certificate as libgit2 verified it against the trusted certificate authorities. Returns 0 to
    /// go on, or an error code after setting the message.
    func checkServer(_ cert: UnsafeMutablePointer<git_cert>, valid: Bool, host: String) -> Int32 {
        if cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 {
            let reason: String
            let hostkey = UnsafeRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self)
            if let key = SSHHostKey(hostkey, url: url), let check = callbacks.hostKeyCheck {
                switch check(key) {
                case .trusted: return 0
                case .refused(let why): reason = why
                }
            } else {
                reason = "the ssh host key of \(host) cannot be checked, so nap does not connect"
            }
            serverFailure = reason
            git_error_set_str(Int32(GIT_ERROR_SSH.rawValue), reason)
            return GIT_ECERTIFICATE.rawValue
        }
        if valid { return 0 }
        let reason = "the TLS certificate of \(host) is not trusted: it is not signed by a certificate authority this machine trusts, or it is for another name, or it has expired"
        serverFailure = reason
        git_error_set_str(Int32(GIT_ERROR_SSL.rawValue), reason)
        return GIT_ECERTIFICATE.rawValue
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
            case .sshKeyFile(let user, let privateKey, let publicKey):
                return git_credential_ssh_key_new(out, user, publicKey, privateKey, nil)
            case .userPassword(let user, let password):
                return git_credential_userpass_plaintext_new(out, user, password)
            case .username(let user):
                return git_credential_username_new(out, user)
            }
        }
        raw.certificate_check = { cert, valid, host, payload in
            guard let cert, let payload else { return GIT_ECERTIFICATE.rawValue }
            let context = Unmanaged<RemoteOperationContext>.fromOpaque(payload).takeUnretainedValue()
            return context.checkServer(cert, valid: valid != 0, host: host.map { text($0) } ?? "the server")
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
            if let failure = serverFailure {
                throw GitError(code: GIT_ECERTIFICATE.rawValue, errorClass: error.errorClass, message: failure, function: error.function)
            }
            if let failure = authenticationFailure {
                throw GitError(code: GIT_EAUTH.rawValue, errorClass: Int32(GIT_ERROR_NET.rawValue), message: failure, function: error.function)
            }
            throw error
        }
    }
}
