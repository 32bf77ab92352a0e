import Foundation
import PlanKit

/// Work the pages of one site share: every page exists in each language, and the same comment, reason or
/// changed line is shown on several pages, so its HTML is made once per build. Held by one
/// `SiteContent`; pages are rendered on several threads at once, so every access holds the lock (the
/// work itself is done outside it: two threads may make the same value, and both get the same).
final class RenderMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var prose: [String: TrustedHTML] = [:]
    private var pairs: [String: (old: [IntralineDiff.Segment], new: [IntralineDiff.Segment], similarity: Double)] = [:]

    /// Markdown through the safe subset, made once per text and heading level.
    func prose(_ markdown: String, headingLevel: Int = 4) -> TrustedHTML {
        let key = String(headingLevel) + "\u{0}" + markdown
        if let known = lock.withLock({ prose[key] }) { return known }
        let html = TrustedHTML.prose(markdown, headingLevel: headingLevel)
        lock.withLock { prose[key] = html }
        return html
    }

    /// The character-level difference of a removed line and the added line that replaces it.
    func pair(old: String, new: String) -> (old: [IntralineDiff.Segment], new: [IntralineDiff.Segment], similarity: Double) {
        let key = old + "\u{0}" + new
        if let known = lock.withLock({ pairs[key] }) { return known }
        let (left, right) = IntralineDiff.segments(old: old, new: new)
        let result = (left, right, IntralineDiff.similarity(left, right))
        lock.withLock { pairs[key] = result }
        return result
    }
}
