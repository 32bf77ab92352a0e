@testable import PlanKit
import Testing

/// Text with nothing that starts inline markup is escaped at once instead of going through the parser:
/// the two must never differ.
@Suite struct ProseInlineTests {
    static let samples: [String] = [
        "資料開放應以民眾需求為導向，並定期檢討。",
        "We ask the council to publish the data every month.",
        "Tom & Jerry <script>alert(\"x\")</script> 'quoted'",
        "tab\there, bell\u{7}, delete\u{7F}, C1 \u{85}\u{9F}",
        "e\u{301}te\u{301} 👩‍👩‍👧 🇹🇼 ﹏ ａｂｃ",
        "the hat, the path, htt p, shhh",
        "h\u{301}ttps://example.org is not a link",
        "\u{1FEF}code\u{1FEF} and a \u{1FEF}<b>\u{1FEF} z",
        "see https://data.gov.tw/dataset/1 for more",
        "HTTP://EXAMPLE.ORG/UPPER",
        "**粗體** and *emphasis* and _under_ and snake_case",
        "`code <b>` and \\*escaped\\*",
        "[連結](https://g0v.tw) and [bad](javascript:alert(1))",
        "",
        " ",
    ]

    @Test func plainTextIsEscapedAsTheParserWould() {
        for sample in Self.samples {
            #expect(ProseHTML.inline(Substring(sample)) == ProseHTML.parsedInline(Substring(sample)), "\(sample)")
        }
        #expect(ProseHTML.isPlain("資料開放應以民眾需求為導向"))
        #expect(ProseHTML.isPlain("the hat, the path, htt p"))
        #expect(!ProseHTML.isPlain("see HtTp://x"))
        #expect(!ProseHTML.isPlain("snake_case"))
        #expect(ProseHTML.inline("a < b & c") == "a &lt; b &amp; c")
    }

    /// Thousands of strings drawn from characters that matter to the parser and to escaping, mixed with
    /// Chinese and combining marks: the fast path and the parser agree on every one.
    @Test func fastPathAgreesWithTheParserOnGeneratedText() {
        let alphabet: [String] = ["a", "h", "H", "t", "T", "p", "P", "s", ":", "/", " ", "\t", "&", "<", ">", "\"", "'",
                                  "民", "眾", "，", "\u{301}", "\u{7}", "\u{7F}", "\u{85}", "👩‍👧", "*", "_", "`", "[", "]",
                                  "(", ")", "\\", "\u{1FEF}", "\u{338}", "\r\n", "\r", "http", "https://", "x.tw", ".", "!"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var plain = 0
        for _ in 0..<5_000 {
            let text = (0..<(1 + next(24))).map { _ in alphabet[next(alphabet.count)] }.joined()
            if ProseHTML.isPlain(Substring(text)) { plain += 1 }
            #expect(ProseHTML.inline(Substring(text)) == ProseHTML.parsedInline(Substring(text)), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(plain > 100, "the generated text exercises the fast path (\(plain) plain)")
    }

    /// Escaping goes scalar by scalar: a quote or bracket that a combining mark follows is one character
    /// but still markup to a browser.
    @Test func escapingDoesNotLetACombiningMarkHideMarkup() {
        // (Kept out of the #expect macros, whose expansion trips over a quote with a combining mark.)
        let marked = "\"\u{301}<\u{338}&\u{301}'\u{301}>\u{301}", markedEscaped = "&quot;\u{301}&lt;\u{338}&amp;\u{301}&#39;\u{301}&gt;\u{301}"
        #expect(ProseHTML.escape(marked) == markedEscaped)
        #expect(ProseHTML.escape("a\r\nb\rc\u{7}d\te") == "a\r\nb\u{FFFD}c\u{FFFD}d\te")
        let forTemplate = "\"\u{301} <\u{338} ≮ 民\u{7}", forTemplateEscaped = "&quot;\u{301} &lt;\u{338} ≮ 民\u{7}"
        #expect(SafeProse.escapeForTemplate(forTemplate) == forTemplateEscaped)
        let url = "https://a\"\u{301}/onmouseover=alert.call"
        #expect(!ProseHTML.isSafeURL(url))
        let html = SafeProse.html("[x](" + url + ") and " + marked)
        #expect(!html.contains("<a"), "\(html)")
        let quotes = html.unicodeScalars.filter { $0 == "\"" }.count
        #expect(quotes == 0, "no quote reaches the page unescaped: \(html)")
    }
}
