import Foundation

/// Work run on a thread of its own (with an 8 MiB stack, as a fold of a large proposal needs) whose
/// result is taken when it is wanted: what reading events on two threads (`ParallelEventReading`) and
/// counting what a push sends (`SentEventCount`) share. The body must use handles of its own: a libgit2
/// handle serves one thread at a time.
final class BackgroundWork<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Set by the thread before it signals `done`; read only after `done` was waited for.
    private var result: Result<Value, any Error>?

    init(_ body: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            result = Result { try body() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work and returns its result; waiting again returns the same.
    func wait() -> Result<Value, any Error> {
        done.wait()
        done.signal()
        return result ?? .failure(CancellationError())
    }
}
