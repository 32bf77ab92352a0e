import Foundation

/// A temporary folder with an isolated git configuration, for tests that drive real repositories and
/// stock `git`. Removed when released.
public final class Sandbox: @unchecked Sendable {
    /// The sandbox's root folder (also HOME for every process it runs).
    public let root: URL
    /// Variables added to every process's environment (e.g. SSH_AUTH_SOCK); set before running any.
    public var extraEnvironment: [String: String] = [:]

    public init(_ name: String = "nap-test") throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.resolvingSymlinksInPath()
        try Data().write(to: root.appendingPathComponent(".gitconfig"))
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// One folder with an empty `.gitconfig`, the same for the whole test process: what in-process
    /// libgit2 reads as its global, XDG and system configuration (`LibGit2.isolateConfiguration`).
    /// libgit2 keeps that search path in an unlocked global, so tests running in parallel must not each
    /// set their own: changing it frees the path another thread may be reading (heap corruption).
    public static let emptyConfigurationFolder: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nap-test-config-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data().write(to: folder.appendingPathComponent(".gitconfig"))
        return folder.resolvingSymlinksInPath().path
    }()

    /// A path inside the sandbox.
    public func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The environment every process in this sandbox runs with: no system or user configuration but the
    /// sandbox's own, a fixed identity, and a fixed clock when asked for.
    public func environment(name: String = "Test User", email: String = "test@example.org", extra: [String: String] = [:]) -> [String: String] {
        var env: [String: String] = [
            "HOME": root.path,
            "XDG_CONFIG_HOME": root.appendingPathComponent(".config").path,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": root.appendingPathComponent(".gitconfig").path,
            "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "TERM": "dumb",
        ]
        for (k, v) in extraEnvironment { env[k] = v }
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs stock git with `arguments` in `directory` and returns what it did.
    @discardableResult
    public func git(_ arguments: [String], in directory: String, input: [UInt8]? = nil, env: [String: String] = [:]) throws -> ProcessResult {
        try run("/usr/bin/git", arguments, in: directory, input: input, environment: environment(extra: env))
    }

    /// Runs stock git and fails the caller unless it exits 0; returns its standard output.
    @discardableResult
    public func gitOK(_ arguments: [String], in directory: String) throws -> String {
        let result = try git(arguments, in: directory)
        guard result.status == 0 else {
            throw SandboxError.failed("git \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }
}

/// What a child process did.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

public enum SandboxError: Error, CustomStringConvertible {
    case failed(String)
    public var description: String {
        switch self { case .failed(let m): m }
    }
}

/// Runs a program to completion, feeding `input` on stdin, collecting stdout and stderr.
public func run(_ executable: String, _ arguments: [String], in directory: String, input: [UInt8]? = nil, environment: [String: String]) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = environment
    let out = Pipe(), err = Pipe(), inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    try process.run()
    final class Box: @unchecked Sendable { var data = Data() }
    let errBox = Box()
    let group = DispatchGroup()
    let errHandle = err.fileHandleForReading, inHandle = inPipe.fileHandleForWriting
    DispatchQueue.global().async(group: group) { errBox.data = errHandle.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) {
        if let input { inHandle.write(Data(input)) }
        try? inHandle.close()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    group.wait()
    return ProcessResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errBox.data, as: UTF8.self))
}
