import Foundation
import PlanKit

/// Work the pages of one site share: every page exists in each language, and the same comment, reason or
/// changed line is shown on several pages, so its HTML is made once per build. Held by one
/// `SiteContent`; pages are rendered on several threads at once, so every access holds the lock (the
/// work itself is done outside it: two threads may make the same value, and both get the same).
///
/// The prose kept is bounded (`proseBudget` bytes of text and HTML; when full it starts again empty):
/// the pages that share most are rendered next to each other (a proposal's page in each language), so a
/// national record's hundred thousand comments need not all stay in memory until the end of the build.
final class RenderMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var prose: [TextKey: TrustedHTML] = [:]
    private var proseBytes = 0
    static let proseBudget = 48 << 20
    private var pairs: [TextKey: (old: [IntralineDiff.Segment], new: [IntralineDiff.Segment], similarity: Double)] = [:]

    /// Markdown through the safe subset, made once per text and heading level.
    func prose(_ markdown: String, headingLevel: Int = 4) -> TrustedHTML {
        let key = TextKey(headingLevel, markdown)
        if let known = lock.withLock({ prose[key] }) { return known }
        let html = TrustedHTML.prose(markdown, headingLevel: headingLevel)
        lock.withLock {
            let size = markdown.utf8.count + html.html.utf8.count
            if proseBytes + size > Self.proseBudget {
                prose.removeAll()
                proseBytes = 0
            }
            if prose.updateValue(html, forKey: key) == nil { proseBytes += size }
        }
        return html
    }

    /// The character-level difference of a removed line and the added line that replaces it.
    func pair(old: String, new: String) -> (old: [IntralineDiff.Segment], new: [IntralineDiff.Segment], similarity: Double) {
        let key = TextKey(old, new)
        if let known = lock.withLock({ pairs[key] }) { return known }
        let (left, right) = IntralineDiff.segments(old: old, new: new)
        let result = (left, right, IntralineDiff.similarity(left, right))
        lock.withLock { pairs[key] = result }
        return result
    }
}
