import PlanKit

/// Work the pages of one site share: every page exists in each language, and the same comment, reason or
/// changed line is shown on several pages, so its HTML is made once per build. Held by one
/// `SiteContent`; not shared between threads.
final class RenderMemo {
    private var prose: [String: TrustedHTML] = [:]
    private var pairs: [String: (old: [IntralineDiff.Segment], new: [IntralineDiff.Segment], similarity: Double)] = [:]

    /// Markdown through the safe subset, made once per text and heading level.
    func prose(_ markdown: String, headingLevel: Int = 4) -> TrustedHTML {
        let key = String(headingLevel) + "\u{0}" + markdown
        if let known = prose[key] { return known }
        let html = TrustedHTML.prose(markdown, headingLevel: headingLevel)
        prose[key] = html
        return html
    }

    /// The character-level difference of a removed line and the added line that replaces it.
    func pair(old: String, new: String) -> (old: [IntralineDiff.Segment], new: [IntralineDiff.Segment], similarity: Double) {
        let key = old + "\u{0}" + new
        if let known = pairs[key] { return known }
        let (left, right) = IntralineDiff.segments(old: old, new: new)
        let result = (left, right, IntralineDiff.similarity(left, right))
        pairs[key] = result
        return result
    }
}
