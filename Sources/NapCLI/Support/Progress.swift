import Foundation
import Localization
import PlanKit

/// A one-line progress meter for transfers (`Receiving objects:  45% (450/1000), 1.2 MiB`), written to
/// standard error only when it is a terminal, redrawn at most ten times a second, and ended with a
/// newline. Scripts and logs never see it.
final class TransferMeter {
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var lastPhase: TransferStatus.Phase?
    private var drawn = false

    init(enabled: Bool = Console.errorIsTerminal) {
        self.enabled = enabled
    }

    /// The closure to give to `SyncOptions.progress`.
    var callback: ((TransferStatus) -> Void)? {
        guard enabled else { return nil }
        return { [self] progress in self.update(progress) }
    }

    func update(_ progress: TransferStatus) {
        let now = Date()
        let finished = progress.total > 0 && progress.current >= progress.total
        let phaseChanged = progress.phase != lastPhase
        guard phaseChanged || finished || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        if phaseChanged, drawn { write("\n") }
        lastPhase = progress.phase
        lastDraw = now
        write("\r" + Self.line(progress) + "\u{1B}[K")
        drawn = true
    }

    /// Ends the line, if one was drawn.
    func finish() {
        if drawn { write("\n") }
        drawn = false
        lastPhase = nil
    }

    static func line(_ progress: TransferStatus) -> String {
        let label: String
        switch progress.phase {
        case .receiving: label = L("Receiving objects").localized
        case .resolving: label = L("Resolving deltas").localized
        case .sending: label = L("Sending objects").localized
        }
        let percent = progress.total > 0 ? "\(min(100, progress.current * 100 / progress.total))%".leftPadded(to: 4) + " " : ""
        let counts = progress.total > 0 ? "(\(progress.current)/\(progress.total))" : "\(progress.current)"
        let bytes = progress.bytes > 0 ? ", " + byteCount(progress.bytes) : ""
        return L("\(label): \(percent)\(counts)\(bytes)").localized
    }

    static func byteCount(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
        return String(format: "%.1f MiB", Double(bytes) / 1024 / 1024)
    }

    private func write(_ text: String) {
        Console.rawError(text)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
