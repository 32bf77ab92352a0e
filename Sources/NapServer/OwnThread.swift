import Foundation

/// Work that takes seconds — reading the whole site — run on a thread of its own instead of Swift's
/// cooperative pool, which has one thread per core: on two cores one long reading there would leave a
/// single thread for every request, and two would stop the server until they end.
enum OwnThread {
    /// Runs `work` on a new thread and returns what it made.
    static func run<T>(_ work: @escaping @Sendable () throws -> sending T) async throws -> sending T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let thread = Thread {
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
}
