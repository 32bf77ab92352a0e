/// The public face of nap's safe HTML: escaping, and the small Markdown subset of `ProseHTML`, for the
/// website (NapWeb), which must show the plan's prose and people's comments without ever letting their
/// markup through. Every character of the input is escaped; links are made only for `http:`/`https:`.
public enum SafeProse {
    /// Escapes text for HTML content and attribute values (`& < > " '`; control characters replaced).
    public static func escape(_ text: String) -> String {
        ProseHTML.escape(text)
    }

    /// Escapes text as swift-mustache's HTML escaping does (`& < > " '` only), but Unicode scalar by scalar,
    /// so that a quote or bracket that a combining mark follows is escaped too.
    public static func escapeForTemplate(_ text: String) -> String {
        ProseHTML.escapeForTemplate(text)
    }

    /// Markdown prose (guidance comments are the caller's business) as HTML blocks: paragraphs, lists,
    /// quotes, sub-headings (`#` becomes `<h{headingLevel}>`), fenced code, emphasis, code and safe links.
    public static func html(_ markdown: String, headingLevel: Int = 4) -> String {
        ProseHTML.blocks(markdown, headingLevel: min(max(headingLevel, 2), 6))
    }

    /// Markdown text with its guidance comments (`<!-- … -->`) removed and surrounding blank space trimmed.
    public static func visibleText(_ markdown: String) -> String {
        MarkdownText.withoutComments(markdown).trimmed
    }
}
