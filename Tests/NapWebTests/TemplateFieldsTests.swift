@testable import NapWeb
import Testing

/// Views that list their own fields for the template engine (`TemplateFields`) must give what reflection
/// gives. Debug builds assert it on every view rendered; these tests show the comparison sees a field
/// left out, and that the listings compare equal where every optional is set and where none is.
@Suite struct TemplateFieldsTests {
    /// A view whose listing forgets a field, as a change that adds one to the struct alone would.
    struct Forgetful: TemplateFields {
        let shown: String
        let added: String?
        func list(into fields: inout TemplateFieldList) {
            fields.add("shown", shown)
        }
    }

    @Test func aFieldMissingFromAListingIsFound() {
        let set = Forgetful(shown: "a", added: "b")
        #expect(TemplateData.difference(set.templateData, TemplateData.reflected(set)) == ".added only by reflection")
        // A nil optional is left out either way: nothing differs.
        let unset = Forgetful(shown: "a", added: nil)
        #expect(TemplateData.same(unset.templateData, TemplateData.reflected(unset)))
    }

    @Test func differencesAreLocatedInNestedData() {
        let left: [String: Any] = ["items": [["x": "1"] as [String: Any], ["x": "2"] as [String: Any]] as [Any], "n": 1]
        let right: [String: Any] = ["items": [["x": "1"] as [String: Any], ["x": "3"] as [String: Any]] as [Any], "n": 1]
        #expect(TemplateData.difference(left, right) == ".items[1].x")
        #expect(TemplateData.difference(["n": 1], ["n": true]) == ".n: Int against Bool")
        #expect(TemplateData.difference(["a": [1, 2] as [Any]], ["a": [1] as [Any]]) == ".a: 2 against 1 elements")
        #expect(TemplateData.same(left, left))
    }

    @Test func listedViewsEqualTheirReflection() {
        let views: [any TemplateFields] = [
            Badge(label: "已簽署", kind: "good", detail: "SHA256:abc"), Badge(label: "unsigned", kind: "unsigned", detail: nil),
            LangText(text: "政治獻金", lang: "zh-Hant", note: "以其他語言撰寫", fallback: true, isLast: true),
            LangText.neutral("plain"),
            Link(label: "首頁", href: "../index.html", current: true, isLast: false),
            ProposalLink(slug: "open-data", href: "proposals/open-data.html"),
            PersonLabel(name: "王小明", sector: "公民社會", isLast: true),
            DiffFileView.Line(number: "3", sign: "+", kind: "added", anchored: true, spoken: "新增", textHTML: .text("<b>x</b>"), newLine: 3),
            DiffFileView.Line(number: "", sign: "−", kind: "removed", anchored: false, spoken: "刪除", textHTML: .text("y"), newLine: nil),
            ProposalView.Blocker(text: "needs approval", lang: nil),
            ResponseView.Earlier(disposition: "採納", author: "內政部", time: "2025-01-02 10:00", machineTime: "2025-01-02T10:00:00Z",
                                 lang: "en", reason: "Because."),
        ]
        for view in views {
            #expect(TemplateData.difference(view.templateData, TemplateData.reflected(view)) == nil, "\(type(of: view))")
            #expect(TemplateData.same(TemplateData.box(view), TemplateData.reflected(view)))
        }
    }

    @Test func memoKeysCompareBytesNotCanonicalEquivalence() {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(TextKey(4, composed) != TextKey(4, decomposed))
        #expect(TextKey(4, composed) == TextKey(4, "caf\u{E9}"))
        #expect(TextKey(4, composed) != TextKey(3, composed))
        #expect(TextKey("a", "bc") != TextKey("ab", "c"))
        // The memo gives each text the HTML of its own bytes.
        let memo = RenderMemo()
        let first = memo.prose(composed).html, second = memo.prose(decomposed).html
        #expect(first.unicodeScalars.contains("\u{E9}") && !first.unicodeScalars.contains("\u{301}"))
        #expect(second.unicodeScalars.contains("\u{301}") && !second.unicodeScalars.contains("\u{E9}"))
    }
}
