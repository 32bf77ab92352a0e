import Foundation
import PlanKit
import Testing

/// Anchors and aliases have no place in nap's files: a few hundred bytes of nested aliases expand to
/// billions of nodes ("billion laughs"). Each file refuses them at the first one, with its position,
/// before the YAML is composed; `&` and `*` in ordinary text are not aliases.
@Suite struct YAMLAliasTests {
    static let message = "error: YAML anchors and aliases (&name, *name) are not allowed in nap's files; write the value out in full"

    @Test func everyPlanFileRefusesAnchorsAtTheirPlace() {
        let members = FormatFixture.membersYML + "extra: &gov [*a]\n"
        let membersLine = FormatFixture.membersYML.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(Members.parse(Array(members.utf8)).diagnostics.map(\.description) == ["members.yml:\(membersLine):8: \(Self.message)"])

        let plan = "format: 1\ncountry: &c Taiwan\ntitle: {zh-Hant: *c, en: *c}\n"
        #expect(Plan.parse(Array(plan.utf8)).diagnostics.map(\.description) == ["plan.yml:2:10: \(Self.message)"])

        // In front matter the position is the file's: the YAML starts on line 2.
        let commitment = "---\nid: 1-1\ntitle:\n  zh-Hant: x\n  en: *undefined\n---\n"
        #expect(Commitment.parse(Array(commitment.utf8), path: "commitments/1-1.md", plan: nil).diagnostics.map(\.description)
                == ["commitments/1-1.md:5:7: \(Self.message)"])
    }

    @Test func aBillionLaughsIsRefusedAtOnce() {
        var lines = ["lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...12 {
            lines.append("lol\(level): &lol\(level) [" + Array(repeating: "*lol\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("key: {*lol12 : 1}")
        let started = Date()
        let diagnostics = Plan.parse(Array(("format: 1\n" + lines.joined(separator: "\n")).utf8)).diagnostics
        #expect(diagnostics.map(\.description) == ["plan.yml:2:7: \(Self.message)"])
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func ampersandsAndAsterisksInTextAreNotAliases() {
        let plan = FormatFixture.planYML + "introduction:\n  zh-Hant: \"R&D *重點* & 2*3\"\n  en: |\n    *Important*: R&D & more\n    &not an anchor\n"
        let diagnostics = Plan.parse(Array(plan.utf8)).diagnostics
        #expect(!diagnostics.contains { $0.message.contains("anchors") }, "\(diagnostics)")
    }
}
