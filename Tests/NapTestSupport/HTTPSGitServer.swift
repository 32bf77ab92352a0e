import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Stock `git http-backend` behind Debian's lighttpd on 127.0.0.1: smart HTTP over TLS (a certificate
/// from a `TestCertificateAuthority`) with HTTP basic authentication, as a forum's own git server or a
/// forge serves it. Every repository under `root` is at `https://127.0.0.1:<port>/git/<name>`; reading
/// and pushing both need the user and password. Stopped when released or by `stop()`.
public final class HTTPSGitServer: @unchecked Sendable {
    public let port: UInt16
    private let process = Process()

    /// Serves the repositories under `root`, to `user` with `password` only; its configuration, logs
    /// and password file go to `folder`.
    public init(root: String, user: String, password: String, authority: TestCertificateAuthority, folder: String) throws {
        port = try freeLoopbackPort()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let backend = try run("/usr/bin/git", ["--exec-path"], in: folder, environment: ["PATH": "/usr/bin:/bin"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines) + "/git-http-backend"
        try Data("\(user):\(password)\n".utf8).write(to: URL(fileURLWithPath: folder + "/users"))
        let config = """
            server.document-root = "\(root)"
            server.bind = "127.0.0.1"
            server.port = \(port)
            server.errorlog = "\(folder)/error.log"
            server.modules = ("mod_auth", "mod_authn_file", "mod_alias", "mod_setenv", "mod_cgi", "mod_openssl")
            ssl.engine = "enable"
            ssl.pemfile = "\(authority.serverCertificate)"
            ssl.privkey = "\(authority.serverKey)"
            alias.url = ("/git" => "\(backend)")
            $HTTP["url"] =~ "^/git" {
              cgi.assign = ("" => "")
              setenv.set-environment = ("GIT_PROJECT_ROOT" => "\(root)", "GIT_HTTP_EXPORT_ALL" => "1")
            }
            auth.backend = "plain"
            auth.backend.plain.userfile = "\(folder)/users"
            auth.require = ("/git" => ("method" => "basic", "realm" => "nap hub", "require" => "valid-user"))

            """
        try Data(config.utf8).write(to: URL(fileURLWithPath: folder + "/lighttpd.conf"))
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/lighttpd")
        process.arguments = ["-D", "-f", folder + "/lighttpd.conf"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening(port: port, process: process, name: "lighttpd (see \(folder)/error.log)")
    }

    /// The URL of the repository `name` (relative to the root).
    public func url(_ name: String) -> String { "https://127.0.0.1:\(port)/git/\(name)" }

    /// Stops the server (SIGKILL: a child of the test runner may inherit a mask that blocks SIGTERM).
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}

/// Waits until something accepts connections on `port`; throws when `process` ended or 10 s passed.
func waitUntilListening(port: UInt16, process: Process, name: String) throws {
    let deadline = Date().addingTimeInterval(10)
    while !acceptsConnections(port: port) {
        guard Date() < deadline, process.isRunning else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw SandboxError.failed("\(name) did not start on port \(port)")
        }
        usleep(20_000)
    }
}
