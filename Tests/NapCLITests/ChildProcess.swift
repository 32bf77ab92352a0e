import Foundation
import NapTestSupport

/// Ways of running the nap binary that `run` does not cover: with its output pipe closed by the reader,
/// on a terminal (a pseudo-terminal), and with a time limit.
enum ChildProcess {
    /// How a child ended.
    struct Ending {
        let reason: Process.TerminationReason
        /// The exit status, or the signal that ended it.
        let status: Int32
        let stdout: String
        let stderr: String
        /// It was still running at the time limit (and was killed).
        let timedOut: Bool
    }

    /// A standard stream of the child.
    enum Stream { case output, error }

    /// Runs `nap arguments…` as `person` in the harness's plan with `stream` a pipe whose read end is
    /// already closed (`nap … | head -1` once head has gone); the other stream goes nowhere. SIGPIPE is
    /// ignored here first, as many parents (CI runners, Python, test runners) leave it, and the child
    /// inherits that: each write to the pipe then fails with EPIPE instead of killing the child.
    static func runWithClosed(_ stream: Stream, _ h: NapHarness, _ arguments: [String], as person: Person = .founder) throws -> Ending {
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: NapHarness.binary)
        process.arguments = ["-C", h.plan] + arguments
        process.environment = h.sandbox.environment(name: person.name, email: person.email)
        let closed = Pipe(), open = Pipe()
        try closed.fileHandleForReading.close()
        process.standardOutput = stream == .output ? closed : open
        process.standardError = stream == .error ? closed : open
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try closed.fileHandleForWriting.close()
        try open.fileHandleForWriting.close()
        let other = (try open.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        return Ending(reason: process.terminationReason, status: process.terminationStatus, stdout: "",
                      stderr: stream == .output ? String(decoding: other, as: UTF8.self) : "", timedOut: false)
    }

    /// Runs `nap arguments…` with standard output and standard error on a new pseudo-terminal, and
    /// returns what the terminal received (its line discipline turns `\n` into `\r\n`).
    static func runOnTerminal(_ h: NapHarness, _ arguments: [String], as person: Person = .founder) throws -> Ending {
        // openpty(3) is in glibc's libc since 2.34 but not in Swift's Glibc module: look it up.
        typealias OpenPTY = @convention(c) (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>,
                                            UnsafeMutablePointer<CChar>?, UnsafeRawPointer?, UnsafeRawPointer?) -> Int32
        guard let symbol = dlsym(nil, "openpty") else { throw SandboxError.failed("openpty is not available") }
        let openpty = unsafeBitCast(symbol, to: OpenPTY.self)
        var master: Int32 = -1, terminal: Int32 = -1
        guard openpty(&master, &terminal, nil, nil, nil) == 0 else {
            throw SandboxError.failed("no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        defer { close(master) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: NapHarness.binary)
        process.arguments = ["-C", h.plan] + arguments
        process.environment = h.sandbox.environment(name: person.name, email: person.email)
        let handle = FileHandle(fileDescriptor: terminal, closeOnDealloc: true)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try handle.close()
        // Read until the child's side is closed (EIO on Linux), so a full terminal buffer never blocks it.
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count > 0 { received += buffer[0..<count] } else if count < 0, errno == EINTR { continue } else { break }
        }
        process.waitUntilExit()
        return Ending(reason: process.terminationReason, status: process.terminationStatus,
                      stdout: String(decoding: received, as: UTF8.self), stderr: "", timedOut: false)
    }

    /// Runs `nap arguments…` and kills it if it has not ended after `seconds`.
    static func run(_ h: NapHarness, _ arguments: [String], within seconds: Double, as person: Person = .founder) throws -> Ending {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: NapHarness.binary)
        process.arguments = ["-C", h.plan] + arguments
        process.environment = h.sandbox.environment(name: person.name, email: person.email)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        final class Box: @unchecked Sendable { var data = Data() }
        let out = Box(), err = Box()
        let group = DispatchGroup()
        let outHandle = output.fileHandleForReading, errHandle = errors.fileHandleForReading
        try process.run()
        DispatchQueue.global().async(group: group) { out.data = (try? outHandle.readToEnd()) ?? Data() }
        DispatchQueue.global().async(group: group) { err.data = (try? errHandle.readToEnd()) ?? Data() }
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        group.wait()
        return Ending(reason: process.terminationReason, status: process.terminationStatus,
                      stdout: String(decoding: out.data, as: UTF8.self), stderr: String(decoding: err.data, as: UTF8.self), timedOut: timedOut)
    }
}
