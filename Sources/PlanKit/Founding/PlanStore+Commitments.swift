import Foundation
import Localization

extension PlanStore {
    /// Writes `commitments/<id>.md` in the working tree from the template, with its titles, the plan's
    /// languages and period, and the OGP template's guidance in every section. Refuses an unsafe id or
    /// one that exists. Returns the file's path relative to the plan.
    public func newCommitment(id: String, titles: [String: String]) throws -> String {
        if let problem = Identifier.problem(in: id) { throw PlanError.invalidName(kind: L("commitment id"), name: id, reason: problem) }
        let relative = PlanFiles.commitmentPath(id: id)
        let path = root + relative
        guard !FileManager.default.fileExists(atPath: path) else { throw PlanError.alreadyExists(kind: L("commitment"), name: id) }
        let loaded = try loadPlan(from: workTreeFiles)
        guard let plan = loaded.plan else { throw PlanError.invalidPlan(diagnostics: loaded.diagnostics.filter { $0.path == PlanFiles.plan }) }
        for language in plan.languages where (titles[language] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw PlanError.invalidInput(L("give the title in \(language) too (--title-\(language == "zh-Hant" ? "zh" : language))"))
        }
        guard let period = plan.period else {
            throw PlanError.invalidPlan(diagnostics: loaded.diagnostics.filter { $0.path == PlanFiles.plan })
        }
        let text = try CommitmentTemplate.make(id: id, titles: titles, languages: plan.languages, period: period)
        try FileWrite.createFolder(root + PlanFiles.commitments)
        try FileWrite.write(Data(text.utf8), to: path, shownAs: relative, options: .withoutOverwriting)
        return relative
    }

    /// The plan as the working tree has it, with every problem.
    public func workTreeContents() -> PlanContents {
        PlanValidator().load(source: workTreeFiles)
    }
}

extension PlanStore {
    /// Records in `commitments/<id>.md` (working tree) that its translations now match the primary
    /// language's text: every translated section's `source=` is set to the current hash of its source
    /// section, so validation stops warning that it is stale. Optionally only some sections or languages.
    /// Returns whether the file changed.
    @discardableResult
    public func markTranslated(commitment id: String, sections: Set<SectionKey>? = nil, languages: Set<String>? = nil) throws -> Bool {
        if let problem = Identifier.problem(in: id) { throw PlanError.invalidName(kind: L("commitment id"), name: id, reason: problem) }
        let relative = PlanFiles.commitmentPath(id: id)
        guard let bytes = try workTreeFiles.read(relative) else { throw PlanError.notFound(kind: L("commitment"), name: id) }
        guard let text = String(bytes: bytes, encoding: .utf8) else { throw PlanError.invalidInput(L("\(relative) is not UTF-8 text")) }
        let loaded = try loadPlan(from: workTreeFiles)
        guard let primary = loaded.plan?.primaryLanguage else {
            throw PlanError.invalidPlan(diagnostics: loaded.diagnostics.filter { $0.path == PlanFiles.plan })
        }
        let stamped = try TranslationSource.stamping(text, path: relative, primaryLanguage: primary, sections: sections, languages: languages)
        guard stamped != text else { return false }
        try FileWrite.write(Data(stamped.utf8), to: root + relative, shownAs: relative)
        return true
    }
}
