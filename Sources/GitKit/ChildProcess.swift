#if os(Linux)
import CLibGit2
import Glibc
#else
import Foundation
#endif

/// Runs a program to its end with `posix_spawn`: its standard input from bytes, its output read and
/// dropped, its errors to `/dev/null`. The caller's program must read all its input before it writes
/// much (git's `fetch` and `pack-objects --revs` do): input is written whole before output is read.
///
/// Not Foundation's `Process`: on Linux its `waitUntilExit` polls a run loop every 50 ms, so a git that
/// had already finished could keep nap waiting that long (a third of a sync of one comment), and its
/// pipes are inherited by every child started meanwhile on another thread (`nap serve`). Here both ends
/// are close-on-exec sockets, and the child keeps no descriptor of nap's but its own ends as 0 and 1
/// (glibc's close-from action); input is written with `MSG_NOSIGNAL` (a child that exits early is a
/// failed run, not a SIGPIPE that kills nap); the end is `waitpid`. The child stays in nap's process
/// group, so an interrupt from the terminal stops it with nap.
enum ChildProcess {
    #if os(Linux)
    /// True when `program` ran and exited with status 0.
    static func run(_ program: String, arguments: [String], environment: [String: String], input: [UInt8]) -> Bool {
        var inputPair: [Int32] = [-1, -1]
        var output: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &inputPair) == 0 else { return false }
        defer { for fd in inputPair where fd >= 0 { close(fd) } }
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &output) == 0 else { return false }
        defer { for fd in output where fd >= 0 { close(fd) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputPair[1], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else of nap's: a descriptor another thread opened without close-on-exec stays here.
        nap_spawn_close_from(&actions, 3)
        // Signals as a new program expects them: none blocked, SIGPIPE not ignored (nap's sync ignores it).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, program, &actions, &attributes, argv, envp) == 0 else { return false }
        // The child's ends are its own now.
        close(inputPair[1]); inputPair[1] = -1
        close(output[1]); output[1] = -1

        // git reads all its input before it writes anything, so the whole input can go first.
        var written = true
        var offset = 0
        while offset < input.count {
            let sent = input.withUnsafeBytes { send(inputPair[0], $0.baseAddress! + offset, input.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                written = false
                break
            }
            offset += sent
        }
        close(inputPair[0]); inputPair[0] = -1
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(output[0], $0.baseAddress, $0.count) }
            if count > 0 { continue }
            if count < 0, errno == EINTR { continue }
            break
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return false }
        }
        // Exited (not killed by a signal) with status 0.
        return written && status & 0x7f == 0 && (status >> 8) & 0xff == 0
    }
    #else
    /// True when `program` ran and exited with status 0 (elsewhere than Linux: Foundation's `Process`).
    static func run(_ program: String, arguments: [String], environment: [String: String], input: [UInt8]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        let written = (try? stdin.fileHandleForWriting.write(contentsOf: Data(input))) != nil
        try? stdin.fileHandleForWriting.close()
        _ = try? stdout.fileHandleForReading.readToEnd()
        process.waitUntilExit()
        return written && process.terminationReason == .exit && process.terminationStatus == 0
    }
    #endif
}
