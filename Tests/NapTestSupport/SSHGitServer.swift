import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's OpenSSH server on 127.0.0.1, run by the test with its own configuration, host key and
/// authorized keys, logging in as the user running the tests: git over ssh the way a plain server
/// offers it (`ssh://user@127.0.0.1:<port>/path/to/hub.git`). Only public-key logins; stopped when
/// released or by `stop()`.
///
/// As root (CI), sshd needs its privilege separation folder /run/sshd, which the Debian service makes at
/// start: it is made here when missing. `StrictModes no`, because a test's temporary folders are not
/// laid out as a home folder.
public final class SSHGitServer: @unchecked Sendable {
    public let port: UInt16
    /// The server's public host key line (`ssh-ed25519 AAAA…`).
    public let hostKey: String
    /// The user that logs in (the one running the tests).
    public let user: String
    private let process: BackgroundDaemon

    /// Starts sshd accepting the public keys in the file `authorizedKeys`; its key, configuration and
    /// log go to `folder`.
    public init(authorizedKeys: String, folder: String) throws {
        port = try freeLoopbackPort()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let hostKeyFile = folder + "/host_ed25519"
        try sshKeygen(["-q", "-t", "ed25519", "-N", "", "-C", "nap test host", "-f", hostKeyFile], in: folder)
        hostKey = try String(contentsOfFile: hostKeyFile + ".pub", encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { throw SandboxError.failed("no user name") }
        user = String(cString: name)
        if geteuid() == 0, !FileManager.default.fileExists(atPath: "/run/sshd") {
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        }
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(hostKeyFile)
            PidFile \(folder)/sshd.pid
            AuthorizedKeysFile \(authorizedKeys)
            StrictModes no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            UsePAM no
            AllowUsers \(user)
            LogLevel VERBOSE

            """
        try Data(config.utf8).write(to: URL(fileURLWithPath: folder + "/sshd_config"))
        process = try BackgroundDaemon("/usr/sbin/sshd", ["-D", "-f", folder + "/sshd_config", "-E", folder + "/sshd.log"], folder: folder)
        try waitUntilListening(port: port, process: process.shell, name: "sshd (see \(folder)/sshd.log)")
    }

    /// The ssh URL of the repository at the absolute `path`.
    public func url(_ path: String) -> String { "ssh://\(user)@127.0.0.1:\(port)\(path)" }

    /// The known_hosts line for this server, reached on `port` (its own, or a relay's).
    public func knownHostsLine(port: UInt16? = nil) -> String { "[127.0.0.1]:\(port ?? self.port) \(hostKey)\n" }

    /// Stops the listening server (SIGKILL); sessions already running end with their connections.
    public func stop() { process.stop() }

    deinit { stop() }
}

/// A running `ssh-agent` of its own, on a socket in a test's folder, holding the keys added to it.
public final class SSHAgent: @unchecked Sendable {
    /// The socket: SSH_AUTH_SOCK for the processes that use it.
    public let socket: String
    private let process: BackgroundDaemon

    public init(folder: String) throws {
        socket = folder + "/agent.sock"
        process = try BackgroundDaemon("/usr/bin/ssh-agent", ["-D", "-a", socket], folder: folder)
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: socket) {
            guard Date() < deadline, process.shell.isRunning else { throw SandboxError.failed("ssh-agent did not start") }
            usleep(20_000)
        }
    }

    /// Adds the private key in `file` to the agent.
    public func add(_ file: String) throws {
        let result = try run("/usr/bin/ssh-add", ["-q", file], in: "/", environment: ["SSH_AUTH_SOCK": socket, "PATH": "/usr/bin:/bin"])
        guard result.status == 0 else { throw SandboxError.failed("ssh-add failed: \(result.stderr)") }
    }

    public func stop() { process.stop() }

    deinit { stop() }
}

/// A daemon (sshd, ssh-agent) started under a shell that waits for it. Such daemons close every file
/// descriptor they inherit, and Foundation's Process takes a closed descriptor for the child's exit:
/// it then blocks in waitpid on the daemon, and no other child of the test process is reaped any more.
/// The shell keeps the descriptor open and writes the daemon's id, which `stop()` kills.
final class BackgroundDaemon: @unchecked Sendable {
    let shell = Process()
    private let pidFile: String

    init(_ executable: String, _ arguments: [String], folder: String) throws {
        pidFile = folder + "/" + URL(fileURLWithPath: executable).lastPathComponent + ".daemon-pid"
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" \"$@\" </dev/null >/dev/null 2>&1 & echo $! > '\(pidFile)'; wait $!", executable] + arguments
        shell.standardOutput = FileHandle.nullDevice
        shell.standardError = FileHandle.nullDevice
        try shell.run()
    }

    /// Kills the daemon (SIGKILL), then waits for its shell.
    func stop() {
        guard shell.isRunning else { return }
        let deadline = Date().addingTimeInterval(5)
        var pid: Int32?
        while pid == nil, Date() < deadline {
            pid = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if pid == nil { usleep(10_000) }
        }
        if let pid { kill(pid, SIGKILL) }
        kill(shell.processIdentifier, SIGKILL)
        shell.waitUntilExit()
    }

    deinit { stop() }
}

/// Runs stock `ssh-keygen`; throws unless it exits 0.
public func sshKeygen(_ arguments: [String], in folder: String) throws {
    let result = try run("/usr/bin/ssh-keygen", arguments, in: folder, environment: ["PATH": "/usr/bin:/bin"])
    guard result.status == 0 else { throw SandboxError.failed("ssh-keygen failed: \(result.stderr)") }
}
