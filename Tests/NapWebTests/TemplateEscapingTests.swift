import Mustache
@testable import NapWeb
import Testing

/// Every `{{value}}` in nap's templates is escaped scalar by scalar.
@Suite struct TemplateEscapingTests {
    struct Shown { let text: String }

    @Test func aCombiningMarkDoesNotHideAQuoteFromTheTemplates() throws {
        _ = TemplateEscaping.registered
        let template = try MustacheTemplate(string: TemplateEscaping.declaration + "<a title=\"{{name}}\">{{name}}</a>\n")
        let hostile = "\"\u{301} onmouseover=alert(1) <\u{338}script>"
        let html = template.render(["name": hostile])
        let escaped = "&quot;\u{301} onmouseover=alert(1) &lt;\u{338}script&gt;"
        let expected = "<a title=\"" + escaped + "\">" + escaped + "</a>\n"
        #expect(html == expected)
        // The declaration's line is left out of the output.
        #expect(try MustacheTemplate(string: TemplateEscaping.declaration + "x\n").render([:]) == "x\n")
        // The engine's own escaping, for comparison, lets the quote through: the reason for TemplateEscaping.
        let quote = "\"\u{301}"
        let unescaped = try MustacheTemplate(string: "{{name}}").render(["name": quote])
        #expect(unescaped == quote)
    }

    @Test func theSiteTemplatesEscapeThisWay() throws {
        let templates = try PageTemplates()
        let text = "\"\u{301}<\u{338}", expected = "<span>&quot;\u{301}&lt;\u{338}</span>"
        let html = try templates.render(Shown(text: text), with: "text")
        #expect(html.hasPrefix(expected), "\(html)")
    }
}
