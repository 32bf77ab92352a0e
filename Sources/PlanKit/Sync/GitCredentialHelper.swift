import Foundation
import GitKit

/// Credentials the way git finds them: ssh keys from ssh-agent, and for https the user's git credential
/// helpers (`git credential fill`: a store, a cache, the system's keychain, or a prompt on the terminal).
public enum GitCredentialHelper {
    /// The credential for a request: ssh-agent for ssh, `git credential fill` for a password. Nil when
    /// there is none (git is not installed, no helper answers, the prompt was refused).
    public static func credential(for request: CredentialRequest) -> Credential? {
        if request.allowed.contains(.userPassword) {
            return fill(url: request.url, username: request.username)
        }
        return RemoteCallbacks.defaultCredential(for: request)
    }

    /// Asks `git credential fill` for a user name and password for `url`.
    static func fill(url: String, username: String?) -> Credential? {
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme, let host = parsed.host else { return nil }
        var input = "protocol=\(scheme)\nhost=\(host)\(parsed.port.map { ":\($0)" } ?? "")\n"
        let path = parsed.path.hasPrefix("/") ? String(parsed.path.dropFirst()) : parsed.path
        if !path.isEmpty { input += "path=\(path)\n" }
        if let username = username ?? parsed.user { input += "username=\(username)\n" }
        input += "\n"
        guard !input.contains("\0"), let output = runGit(["credential", "fill"], input: input) else { return nil }
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        guard let user = fields["username"], let password = fields["password"] else { return nil }
        return .userPassword(username: user, password: password)
    }

    private static func runGit(_ arguments: [String], input: String) -> String? {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { String($0) + "/git" }
        guard let git = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        do { try process.run() } catch { return nil }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
