import Foundation

/// The template for a new plan (`plan-template/` in nap's source, built into the binary), and the files
/// `nap init` writes from it.
public enum PlanTemplate {
    /// The template's files exactly as in `plan-template/`, by path relative to it.
    public static let embeddedFiles: [String: [UInt8]] = EmbeddedTemplate.files.compactMapValues { encoded in
        Data(base64Encoded: encoded, options: .ignoreUnknownCharacters).map { [UInt8]($0) }
    }

    /// The files of `plan-template/` that start a plan repository; `commitment.md` is not among them (it is
    /// the template for `CommitmentTemplate`).
    static let planFiles = [PlanFiles.plan, PlanFiles.members, PlanFiles.governance, PlanFiles.readme]

    /// The languages the template is written in, primary first (from its plan.yml).
    public static let languages: [String] = embeddedFiles[PlanFiles.plan].flatMap { Plan.parse($0).value?.languages } ?? []

    /// The files of a new plan: plan.yml with the titles, period and country filled in, an empty
    /// members.yml, GOVERNANCE.md, README.md and `commitments/.gitkeep`. A title missing from `titles` is
    /// left empty for validation to point out. `requireSignatures` sets the policy's `require-signatures`
    /// (nil keeps the template's value, `true`); `minDiscussionDays` its `min-discussion-days` (nil keeps 14).
    /// - Throws: `FormatError.unsupportedLanguage` for a title in a language the template is not written in,
    ///   `.invalidPeriod` for a period that ends before it starts.
    public static func files(titles: LocalizedText, period: Period, country: String = "Taiwan",
                             requireSignatures: Bool? = nil, minDiscussionDays: Int? = nil) throws -> [(path: String, bytes: [UInt8])] {
        let languages = Self.languages
        if let other = titles.keys.sorted().first(where: { !languages.contains($0) }) {
            throw FormatError.unsupportedLanguage(other, supported: languages)
        }
        guard period.isOrdered else { throw FormatError.invalidPeriod(start: period.start.description, end: period.end.description) }
        var files: [(path: String, bytes: [UInt8])] = []
        for path in planFiles {
            guard let bytes = embeddedFiles[path] else { throw FormatError.brokenTemplate("\(path) is missing") }
            files.append((path, bytes))
        }
        let planText = String(decoding: files[0].bytes, as: UTF8.self)
        var values: [([String], String)] = languages.map { (["title", $0], YAMLScalar.quotedIfNeeded(titles[$0]?.trimmed ?? "")) }
        values += [
            (["country"], YAMLScalar.quotedIfNeeded(country.trimmed)),
            (["period", "start"], period.start.description),
            (["period", "end"], period.end.description),
        ]
        if let requireSignatures { values.append((["policy", "require-signatures"], requireSignatures ? "true" : "false")) }
        if let minDiscussionDays { values.append((["policy", "min-discussion-days"], String(minDiscussionDays))) }
        let filled = try TemplateText.fill(planText, yaml: planText, yamlLineOffset: 0, values: values)
        files[0].bytes = Array(filled.utf8)
        files.append(("\(PlanFiles.commitments)/.gitkeep", []))
        return files
    }
}
