import Crypto
import Foundation

/// What checked signatures said, for the life of the process: checking an SSHSIG is Ed25519 arithmetic
/// (about a third of a millisecond here), and a long-running process (`nap serve`, `nap site`) folds the
/// same proposal again after every write, checking every host-attested event each time.
///
/// A check is a pure function of the armored signature, the signed bytes and the namespace, so the memo is
/// keyed by a SHA-256 of exactly those three: a file changed under the same path, or a signature swapped,
/// is another key and is checked afresh. Nothing is kept on disk. The memo holds at most `capacity`
/// answers and is emptied when full (a plan's signed events fit many times over).
enum SignatureMemo {
    private static let lock = NSLock()
    /// Guarded by `lock`.
    nonisolated(unsafe) private static var answers: [Data: EventSignatureState] = [:]
    static let capacity = 200_000

    /// The state of `armored` over `message` in `namespace`: remembered, or checked by `check` and remembered.
    static func state(armored: String, message: [UInt8], namespace: String,
                      check: () -> EventSignatureState) -> EventSignatureState {
        var hasher = SHA256()
        // Lengths first, so that no two different triples hash the same bytes.
        for part in [Array(namespace.utf8), Array(armored.utf8), message] {
            withUnsafeBytes(of: UInt64(part.count).littleEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: part)
        }
        let key = Data(hasher.finalize())
        if let known = lock.withLock({ answers[key] }) { return known }
        let state = check()
        lock.withLock {
            if answers.count >= capacity { answers.removeAll(keepingCapacity: true) }
            answers[key] = state
        }
        return state
    }

    /// How many answers are remembered (tests).
    static var count: Int { lock.withLock { answers.count } }
}
