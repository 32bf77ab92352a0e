import Foundation

/// Work that takes seconds — reading the whole site — run on a thread of its own instead of Swift's
/// cooperative pool, which has one thread per core: on two cores one long reading there would leave a
/// single thread for every request, and two would stop the server until they end.
enum OwnThread {
    /// Runs `work` on a new thread and returns what it made. `yielding`: the thread runs at a lower
    /// priority (nice 10, for this thread and the threads it starts), so that the requests answered
    /// meanwhile go first — the whole site's reading in the background must not hold up a page or a comment.
    static func run<T>(yielding: Bool = false, _ work: @escaping @Sendable () throws -> sending T) async throws -> sending T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let thread = Thread {
                if yielding { lowerThisThreadsPriority() }
                do {
                    continuation.resume(returning: try work())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Linux keeps a nice value per thread, and `setpriority(PRIO_PROCESS, 0, …)` sets the calling thread's
    /// (the kernel reads 0 as the current task), leaving the rest of the process as it is. A refusal only
    /// leaves the priority unchanged.
    private static func lowerThisThreadsPriority() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }
}
