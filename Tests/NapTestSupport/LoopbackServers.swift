import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Network servers on 127.0.0.1 for sync tests: stock `git daemon` with pushes enabled, a relay that
/// can cut a push off midway, and an https-like endpoint that always asks for a password.

/// A TCP port on 127.0.0.1 that was free a moment ago.
public func freeLoopbackPort() throws -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw SandboxError.failed("socket() failed") }
    defer { close(fd) }
    var address = loopback(port: 0)
    let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
    guard bound == 0 else { throw SandboxError.failed("bind() failed") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return UInt16(bigEndian: address.sin_port)
}

/// True when something accepts connections on 127.0.0.1:`port`.
public func acceptsConnections(port: UInt16) -> Bool {
    let fd = connectLoopback(port: port)
    if fd >= 0 { close(fd) }
    return fd >= 0
}

func loopback(port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
}

func connectLoopback(port: UInt16) -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return -1 }
    var address = loopback(port: port)
    let result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
    if result != 0 { close(fd); return -1 }
    return fd
}

/// Listens on a free loopback port and hands every accepted connection to `handle` on its own thread.
final class Listener: @unchecked Sendable {
    let fd: Int32
    let port: UInt16

    init(handle: @escaping @Sendable (Int32) -> Void) throws {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard socketFD >= 0, bound == 0, listen(socketFD, 16) == 0 else { throw SandboxError.failed("cannot listen on loopback") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) } }
        fd = socketFD
        port = UInt16(bigEndian: address.sin_port)
        let listening = fd
        Thread.detachNewThread {
            while true {
                let client = accept(listening, nil, nil)
                if client < 0 { return }
                Thread.detachNewThread { handle(client) }
            }
        }
    }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    deinit { stop() }
}

/// Stock `git daemon` serving every repository under `basePath` at `git://127.0.0.1:<port>/<name>`,
/// with pushes (receive-pack) enabled. Stopped when released or by `stop()`.
public final class GitDaemon: @unchecked Sendable {
    public let port: UInt16
    private let process = Process()

    public init(basePath: String, environment: [String: String]) throws {
        port = try freeLoopbackPort()
        // The daemon itself, not the `git` wrapper: the wrapper does not pass SIGTERM on to its child.
        let execPath = try run("/usr/bin/git", ["--exec-path"], in: basePath, environment: environment).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.executableURL = URL(fileURLWithPath: execPath + "/git-daemon")
        process.arguments = ["--reuseaddr", "--base-path=\(basePath)", "--export-all", "--enable=receive-pack",
                             "--port=\(port)", "--listen=127.0.0.1", "--informative-errors", basePath]
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !acceptsConnections(port: port) {
            guard Date() < deadline, process.isRunning else { throw SandboxError.failed("git daemon did not start on port \(port)") }
            usleep(20_000)
        }
    }

    /// The URL of the repository `name` (relative to the base path).
    public func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }

    /// Stops the daemon with SIGKILL: a child of the test runner may inherit a mask that blocks SIGTERM.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}

/// A relay in front of a server (`git daemon`, https, ssh) that forwards every connection, and when
/// `cutPushes` is set, cuts a push after `cutAfter` bytes from the client: the network failing in the
/// middle of a transfer. A push is a `git-receive-pack` connection for `git daemon`; through an encrypted
/// transport (`recognizesPushes` false) it is any connection whose client sends more than `cutAfter`
/// bytes (fetches send little).
public final class CuttingRelay: @unchecked Sendable {
    private let lock = NSLock()
    private var cutting: Bool
    private var listener: Listener?
    /// How many connections were cut.
    public private(set) var cuts = 0
    public let cutAfter: Int
    private let recognizesPushes: Bool

    public init(to targetPort: UInt16, cutPushes: Bool, after bytes: Int, recognizesPushes: Bool = true) throws {
        cutting = cutPushes
        cutAfter = bytes
        self.recognizesPushes = recognizesPushes
        listener = nil
        listener = try Listener { [weak self] client in self?.relay(client, to: targetPort) }
    }

    public var port: UInt16 { listener?.port ?? 0 }
    public func url(_ name: String) -> String { "git://127.0.0.1:\(port)/\(name)" }

    /// What to do once, when `limit` bytes have come from the server over one connection.
    private var serverBytesHook: (limit: Int, action: @Sendable () -> Void)?

    /// Runs `action` (e.g. killing the client) once a connection has carried `limit` bytes from the
    /// server: a transfer ended midway by the client's side.
    public func onServerBytes(_ limit: Int, _ action: @escaping @Sendable () -> Void) {
        lock.withLock { serverBytesHook = (limit, action) }
    }

    /// Stops or resumes cutting pushes.
    public func setCutting(_ value: Bool) { lock.withLock { cutting = value } }

    private func relay(_ client: Int32, to targetPort: UInt16) {
        let server = connectLoopback(port: targetPort)
        guard server >= 0 else { close(client); return }
        let shouldCut = lock.withLock { cutting }
        let limit = cutAfter
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [weak self] in
            // Server to client.
            var buffer = [UInt8](repeating: 0, count: 16384)
            var received = 0
            while true {
                let n = read(server, &buffer, buffer.count)
                if n <= 0 || send(client, buffer, n, Int32(MSG_NOSIGNAL)) != n { break }
                received += n
                if let self, let hook = self.lock.withLock({ self.serverBytesHook }), received >= hook.limit {
                    self.lock.withLock { self.serverBytesHook = nil }
                    hook.action()
                }
            }
            shutdown(client, Int32(SHUT_RDWR))
            done.signal()
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var sent = 0
        var isPush = false
        while true {
            let n = read(client, &buffer, buffer.count)
            if n <= 0 { break }
            if sent == 0 { isPush = !recognizesPushes || String(decoding: buffer[0..<n], as: UTF8.self).contains("git-receive-pack") }
            if shouldCut, isPush, sent + n > limit {
                lock.withLock { cuts += 1 }
                break
            }
            if send(server, buffer, n, Int32(MSG_NOSIGNAL)) != n { break }
            sent += n
        }
        shutdown(server, Int32(SHUT_RDWR))
        shutdown(client, Int32(SHUT_RDWR))
        done.wait()
        close(server)
        close(client)
    }
}

/// An http endpoint that answers every request with 401 and a Basic challenge: a server whose
/// credentials nobody has.
public final class PasswordWall: @unchecked Sendable {
    private var listener: Listener?
    private let lock = NSLock()
    private var requests = 0

    public init() throws {
        listener = try Listener { [weak self] client in self?.answer(client) }
    }

    public var url: String { "http://127.0.0.1:\(listener?.port ?? 0)/plan.git" }

    /// How many requests arrived.
    public var requestCount: Int { lock.withLock { requests } }

    private func answer(_ client: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var received: [UInt8] = []
        while !String(decoding: received, as: UTF8.self).contains("\r\n\r\n") {
            let n = read(client, &buffer, buffer.count)
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        lock.withLock { requests += 1 }
        let response = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"plan\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        _ = response.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        shutdown(client, Int32(SHUT_RDWR))
        close(client)
    }
}
