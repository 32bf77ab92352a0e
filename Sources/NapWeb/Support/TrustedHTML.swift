import Mustache
import PlanKit

/// HTML that nap itself produced: escaped text, or the safe Markdown subset of `SafeProse`. The only
/// kind of value a template may show unescaped (`{{{somethingHTML}}}`); a test checks that every triple
/// mustache in the templates names a field that ends in `HTML`, and every such field is of this type.
public struct TrustedHTML: MustacheCustomRenderable, Sendable, Equatable {
    public let html: String

    private init(html: String) {
        self.html = html
    }

    /// Escaped plain text.
    public static func text(_ text: String) -> TrustedHTML {
        TrustedHTML(html: SafeProse.escape(text))
    }

    /// Markdown through the safe subset (no raw HTML; links only to http(s) addresses).
    public static func prose(_ markdown: String, headingLevel: Int = 4) -> TrustedHTML {
        TrustedHTML(html: SafeProse.html(markdown, headingLevel: headingLevel))
    }

    /// A page rendered from nap's own templates, in which every value was escaped by the template engine.
    static func rendered(_ html: String) -> TrustedHTML {
        TrustedHTML(html: html)
    }

    /// Pieces of trusted HTML joined.
    static func joined(_ parts: [TrustedHTML], separator: String = "") -> TrustedHTML {
        TrustedHTML(html: parts.map(\.html).joined(separator: SafeProse.escape(separator)))
    }

    public var renderText: String { html }
    public var isNull: Bool { html.isEmpty }
}
