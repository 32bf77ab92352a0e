import Foundation
import GitKit

/// Credentials the way git finds them: ssh keys from ssh-agent and the default key files in `~/.ssh`
/// (SSHKeys), ssh host keys checked against known_hosts (KnownHosts), and for https the user's git credential
/// helpers (`git credential fill`: a store, a cache, the system's keychain, or a prompt on the terminal).
/// A password the server accepted is given back to the helpers with `git credential approve` (a store
/// keeps it), one it refused with `git credential reject` (a store forgets it), as git does. nap itself
/// never prints or keeps a password.
public enum GitCredentialHelper {
    /// Remote callbacks that ask git's credential helpers and tell them the server's verdict.
    /// `environment` is the one `git credential` runs with (nil: nap's own).
    public static func callbacks(progress: ((TransferProgress) -> Void)? = nil, environment: [String: String]? = nil) -> RemoteCallbacks {
        RemoteCallbacks(progress: progress,
                        credentials: { try credential(for: $0, environment: environment) },
                        verdict: { settle($0, $1, $2, environment: environment) },
                        hostKeyCheck: { KnownHosts.user(home: KnownHosts.home).verdict(for: $0) })
    }

    /// The credential for a request: the next ssh key (SSHKeys) for ssh, `git credential fill` for a password. Nil when
    /// there is none (git is not installed, no helper answers, the prompt was refused). Throws, and asks
    /// no helper, when the URL or user name would put a line break or NUL into what git reads
    /// (CVE-2020-5260: `host=` lines of another site injected through the URL).
    public static func credential(for request: CredentialRequest, environment: [String: String]? = nil) throws -> Credential? {
        if request.allowed.contains(.userPassword) {
            let fields = try CredentialFields(url: request.url, username: request.username)
            return fill(fields, environment: environment)
        }
        let user = request.username ?? RemoteCallbacks.localUserName
        if request.allowed.contains(.sshKey) { return SSHKeys.next(after: request.refusedKeys, user: user) }
        return RemoteCallbacks.defaultCredential(for: request)
    }

    /// Tells git's credential helpers what the server made of a user name and password: `approve`
    /// after an operation that used it succeeded, `reject` after the server refused it.
    public static func settle(_ request: CredentialRequest, _ credential: Credential, _ verdict: CredentialVerdict,
                              environment: [String: String]? = nil) {
        guard case .userPassword(let username, let password) = credential,
              let fields = try? CredentialFields(url: request.url, username: username, password: password) else { return }
        _ = runGit(["credential", verdict == .accepted ? "approve" : "reject"], input: fields.text, environment: environment)
    }

    /// Asks `git credential fill` for a user name and password.
    static func fill(_ fields: CredentialFields, environment: [String: String]?) -> Credential? {
        guard let output = runGit(["credential", "fill"], input: fields.text, environment: environment) else { return nil }
        var answer: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            answer[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let user = answer["username"], let password = answer["password"] else { return nil }
        return .userPassword(username: user, password: password)
    }

    /// Runs git with `input` on its standard input; its standard output when it exits 0. Standard error
    /// (a helper's prompt) stays the terminal's.
    private static func runGit(_ arguments: [String], input: String, environment: [String: String]?) -> String? {
        let path = (environment ?? ProcessInfo.processInfo.environment)["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { String($0) + "/git" }
        guard let git = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        do { try process.run() } catch { return nil }
        // A helper that exits without reading its input must not take nap down (EPIPE is thrown, not trapped).
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let data = (try? stdout.fileHandleForReading.readToEnd()) ?? nil
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data ?? Data(), as: UTF8.self)
    }
}
