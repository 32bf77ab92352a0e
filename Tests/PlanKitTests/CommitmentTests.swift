import PlanKit
import Testing

@Suite struct CommitmentTests {
    let plan = Plan.parse(Array(FormatFixture.planYML.utf8)).value

    func check(_ text: String, path: String = "commitments/1-1.md") -> [Diagnostic] {
        Commitment.parse(Array(text.utf8), path: path, plan: plan).diagnostics
    }

    func replacing(_ old: String, with new: String) -> String {
        let text = FormatFixture.commitment()
        precondition(text.contains(old), "fixture lacks \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test func readsTheFixture() throws {
        let parsed = Commitment.parse(Array(FormatFixture.commitment().utf8), path: "commitments/1-1.md", plan: plan)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.listing)")
        let commitment = try #require(parsed.value)
        #expect(commitment.values == [.transparency, .inclusion])
        #expect(commitment.milestones.first?.end == PlanDate(year: 2025, month: 12))
        #expect(commitment.section(.problem, in: "en")?.text == "Problem text.")
        #expect(commitment.sections.count == 14)
    }

    @Test func aMissingTranslationIsAnError() {
        let noEnglishBlock = FormatFixture.commitment().components(separatedBy: "\n# English {lang=en}")[0]
        #expect(check(noEnglishBlock).map(\.message) == [
            "there is no en text: add a '# English {lang=en}' heading followed by the sections",
        ])
        let text = replacing("## What are the causes of the problem? {#causes source=", with: "## Causes {#causes-x source=")
        let englishLine = FormatFixture.line(of: "# English {lang=en}", in: text) ?? 0
        #expect(check(text).map(\.description).contains(
            "commitments/1-1.md:\(englishLine):1: error: en section 'causes' is missing: add '## What are the causes of the problem? {#causes}' and write the causes of the problem"))
        let emptied = replacing("Results text.", with: "<!-- to translate -->")
        #expect(check(emptied).map(\.message) == ["en section 'results' is empty: write the results the commitment is expected to achieve"])
        let noTitle = replacing("  en: A test commitment\n", with: "")
        #expect(check(noTitle).map(\.description) == ["commitments/1-1.md:3:1: error: the title has no en text (add a 'en:' line)"])
    }

    @Test func unsafeIDsAreRefused() {
        for id in ["a/b", "../x", "a..b", "", ".x", "-x", "a b", "x\u{7}", String(repeating: "長", count: 65)] {
            #expect(!Identifier.isSafe(id), "\(id)")
        }
        for id in ["1-1", "open_data.2", "開放資料-2", "ami-Pangcah", String(repeating: "長", count: 64)] {
            #expect(Identifier.isSafe(id), "\(id)")
        }
        #expect(Identifier.problem(in: "a/b")?.description == "an id cannot contain '/'")
        #expect(Identifier.problem(in: "../x")?.description == "an id cannot contain '/'")
        #expect(Identifier.problem(in: "a b")?.description == "an id cannot contain white space")
        let error = #expect(throws: FormatError.self) { try Identifier.check("a..b") }
        #expect(error?.description == "'a..b' cannot be used as an id: an id cannot contain '..'")
        let slash = check(replacing("id: 1-1", with: "id: ../1-1"))
        #expect(slash.map(\.description) == ["commitments/1-1.md:2:5: error: id '../1-1': an id cannot contain '/'"])
    }

    @Test func theIDMustMatchTheFileName() {
        #expect(check(FormatFixture.commitment(), path: "commitments/1-2.md").map(\.message) == [
            "id '1-1' does not match the file name 1-2.md; the file must be named 1-1.md",
        ])
    }

    @Test func datesMustLieInThePeriods() {
        let outside = replacing("  end: 2026-12", with: "  end: 2029-01")
        #expect(check(outside).map(\.message) == ["the commitment ends (2029-01) outside the plan's period (2025-01 to 2028-12)"])
        let milestone = replacing("    start: 2025-01\n    end: 2025-12", with: "    start: 2025-06\n    end: 2027-02")
        #expect(check(milestone).map(\.message) == ["milestone 1 ends (2027-02) outside the commitment's period (2025-01 to 2026-12)"])
        let backwards = replacing("    start: 2025-01\n    end: 2025-12", with: "    start: 2025-06-30\n    end: 2025-06-01")
        #expect(check(backwards).map(\.message) == ["milestone 1 ends (2025-06-01) before it starts (2025-06-30)"])
        let leap = replacing("    end: 2025-12", with: "    end: 2026-02-29")
        #expect(check(leap).map(\.message) == ["milestone 1: end (the due date): '2026-02-29' is not a date: 2026-02 has no day 29"])
        #expect(check(replacing("    end: 2025-12", with: "    end: 2025-12-31")).isEmpty)
    }

    @Test func milestonesNeedAnOutputAndADueDate() {
        let text = replacing("""
                output:
                  zh-Hant: 產出
                  en: Output
                start: 2025-01
                end: 2025-12

            """, with: "    start: 2025-01\n")
        #expect(check(text).map(\.message) == [
            "milestone 1: the output (a verifiable deliverable) is missing (add 'output:' with a line per language)",
            "milestone 1: end (the due date) is missing (add 'end: YYYY-MM')",
        ])
    }

    @Test func valuesStatusAndSDGsAreChecked() {
        var text = replacing("  - inclusion\n", with: "  - inclusion\n  - openness\nstatus: done\nsdgs:\n  - 16\n  - 18\n")
        #expect(check(text).map(\.message) == [
            "'openness' is not an OGP value (use transparency, accountability, participation, inclusion)",
            "status 'done' is not a completion level (use not-started, limited, substantial, complete)",
            "sdgs: '18' is not a Sustainable Development Goal (a number from 1 to 17)",
        ])
        text = replacing("  - inclusion\n", with: "  - inclusion\nstatus: substantial\nsdgs:\n  - 16\n")
        let commitment = Commitment.parse(Array(text.utf8), path: "commitments/1-1.md", plan: plan).value
        #expect(commitment?.status == .substantial)
        #expect(commitment?.sdgs == [16])
    }

    @Test func policyAreasNameColumnsOfOGPsDatabase() {
        var text = replacing("  - inclusion\n", with: "  - inclusion\npolicy-areas:\n  - political-finance\n  - open-data-health\n  - open-data\n")
        let commitment = Commitment.parse(Array(text.utf8), path: "commitments/1-1.md", plan: plan).value
        #expect(commitment?.policyAreas == ["political-finance", "open-data-health", "open-data"])
        text = replacing("  - inclusion\n", with: "  - inclusion\npolicy-areas:\n  - politcal-finance\n  - Open Data\n  - elections\n  - elections\n")
        let diagnostics = check(text)
        #expect(diagnostics.onlyErrors.map(\.message) == [
            "policy-areas: 'politcal-finance' is not a policy area of OGP's commitments database; did you mean political-finance, policing-and-corrections?",
            "policy-areas: 'Open Data' is not a policy area of OGP's commitments database; did you mean open-contracting, open-justice, open-parliaments, open-data?",
        ])
        #expect(diagnostics.onlyErrors.map(\.line) == [16, 17], "\(diagnostics.onlyErrors.map(\.line))")
        #expect(diagnostics.onlyWarnings.map(\.message) == ["policy-areas lists elections twice"])
    }

    @Test func sectionStructureIsChecked() {
        var text = replacing("## 簡述 {#summary}", with: "## 簡述")
        #expect(check(text).first?.message.hasPrefix("this section heading has no key") == true)
        text = replacing("## 簡述 {#summary}", with: "## 簡述 {#summry}")
        #expect(check(text).map(\.message).contains("'summry' is not a section key (use summary, problem, causes, background, solution, results, analysis, additional)"))
        text = replacing("# English {lang=en}", with: "# English")
        #expect(check(text).map(\.message).contains("this language heading has no {lang=…} attribute, e.g. '# English {lang=en}'"))
    }

    @Test func headingsInCodeAndCommentsAreText() {
        let text = replacing("Solution text.", with: "Solution text.\n\n```\n## Not a heading {#problem}\n```\n\n<!--\n# Nor this {lang=fr}\n-->")
        let parsed = Commitment.parse(Array(text.utf8), path: "commitments/1-1.md", plan: plan)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.listing)")
        #expect(parsed.value?.section(.solution, in: "en")?.text.contains("## Not a heading {#problem}") == true)
    }

    @Test func unknownFieldsAreWarnings() {
        let text = replacing("values:", with: "valeus:\n  - x\nvalues:")
        let diagnostics = check(text)
        #expect(diagnostics.onlyWarnings.map(\.message) == [
            "unknown field 'valeus' in the front matter (known fields: id, title, period, lead, supporting, values, status, milestones, contact, sdgs, budget, area, policy-areas)",
        ])
        #expect(diagnostics.onlyErrors.isEmpty)
    }
}
