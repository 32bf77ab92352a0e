import Foundation
import ServiceLifecycle

/// The background sync with the hub (`nap serve --hub REMOTE`): soon after each write, and every
/// `interval` seconds otherwise. When the hub cannot be reached the writes stay in the local copy (they
/// are in its record already) and the next round sends them; rounds after a failure wait longer each time
/// (doubling, up to 15 minutes), and a write does not cut that wait short. A service of the application:
/// it runs while the server runs (and in HummingbirdTesting's tests), and ends on its graceful shutdown.
actor HubSync: Service {
    private let remote: String
    private let interval: Double
    private let perform: @Sendable () async -> Bool
    private var pending = false
    private var wake: CheckedContinuation<Void, Never>?
    private(set) var failures = 0
    private(set) var rounds = 0

    init(remote: String, interval: Double, perform: @escaping @Sendable () async -> Bool) {
        self.remote = remote
        self.interval = interval
        self.perform = perform
    }

    /// Asks for a sync soon (after a write).
    func requestSync() {
        pending = true
        if failures == 0, let wake {
            self.wake = nil
            wake.resume()
        }
    }

    private var stopped = false

    /// Ends the loop (the server is stopping).
    func stop() {
        stopped = true
        wakeUp()
    }

    /// Runs until the server shuts down (or the task is cancelled); a round in progress is finished.
    func run() async {
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                await loop()
            } onCancel: {
                Task { await self.stop() }
            }
        } onGracefulShutdown: {
            Task { await self.stop() }
        }
    }

    private func loop() async {
        while !Task.isCancelled, !stopped {
            pending = false
            let complete = await perform()
            rounds += 1
            if complete {
                if failures > 0 { ServerLog.note("sync with the hub works again") }
                failures = 0
            } else {
                failures += 1
                ServerLog.note("sync with the hub did not complete (\(failures) in a row); writes are kept here and sent later")
            }
            let wait = failures == 0 ? interval : min(interval * pow(2, Double(min(failures, 10)) - 1), 900)
            if pending && failures == 0 { continue }
            if stopped { break }
            await sleep(seconds: wait)
        }
    }

    /// Sleeps for `seconds`, or until a write asks for a sync (when the hub is up).
    private func sleep(seconds: Double) async {
        let timer = Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            await self?.wakeUp()
        }
        await withCheckedContinuation { continuation in
            wake = continuation
        }
        timer.cancel()
    }

    private func wakeUp() {
        if let wake {
            self.wake = nil
            wake.resume()
        }
    }
}
