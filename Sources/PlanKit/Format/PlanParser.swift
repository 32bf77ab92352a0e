import Yams
import Localization

extension Plan {
    /// Reads `plan.yml`, reporting every problem: YAML syntax, missing or empty fields, malformed dates,
    /// unknown language codes, titles missing in a plan language, invalid policy values.
    public static func parse(_ bytes: [UInt8], path: String = PlanFiles.plan, sizeLimit: Int = PlanFiles.maximumFileSize) -> Parsed<Plan> {
        var diagnostics: [Diagnostic] = []
        guard let source = SourceText.decode(bytes, path: path, sizeLimit: sizeLimit, into: &diagnostics) else {
            return Parsed(value: nil, diagnostics: diagnostics)
        }
        guard !source.isBlank else {
            return Parsed(value: nil, diagnostics: [Diagnostic(path: path, message: L("plan.yml is empty; it needs format, title, country, period and languages"))])
        }
        let reader = FieldReader(path: path)
        guard let root = reader.compose(source.text) else {
            if reader.diagnostics.isEmpty {
                reader.error(L("plan.yml has no fields; it needs format, title, country, period and languages"), at: nil)
            }
            return Parsed(value: nil, diagnostics: reader.diagnostics)
        }
        guard let fields = reader.mapping(root, .field("plan.yml")) else { return Parsed(value: nil, diagnostics: reader.diagnostics) }
        let plan = PlanFields(reader: reader, fields: fields).read()
        return Parsed(value: plan, diagnostics: reader.diagnostics)
    }
}

/// Reads the fields of plan.yml's top-level mapping.
private struct PlanFields {
    let reader: FieldReader
    let fields: Yams.Node.Mapping

    func read() -> Plan {
        reader.warnUnknownKeys(fields, known: ["format", "title", "country", "period", "languages", "introduction", "policy", "process", "participation"], in: .field("plan.yml"))
        let format = readFormat()
        let languages = readLanguages()
        var title: LocalizedText = [:]
        if let (key, value) = FieldReader.entry(fields, "title") {
            title = reader.localized(value, L("the plan's title"), languages: languages, at: key)
        } else {
            reader.error(L("the plan's title is missing (add 'title:' with a line per language)"), at: nil)
        }
        let country = reader.text(fields, "country", .field("country"), required: true, owner: nil) ?? ""
        var period: Period?
        if let (key, value) = FieldReader.entry(fields, "period") {
            period = reader.period(value, L("the plan's period"), at: key).0
        } else {
            reader.error(L("the plan's period is missing (add 'period:' with 'start:' and 'end:')"), at: nil)
        }
        var introduction: LocalizedText = [:]
        if let (key, value) = FieldReader.entry(fields, "introduction"), !FieldReader.isNull(value) {
            introduction = readIntroduction(value, key: key, languages: languages)
        }
        var policy = Policy()
        if let (key, value) = FieldReader.entry(fields, "policy"), !FieldReader.isNull(value),
           let mapping = reader.mapping(value, .field("policy"), at: key) {
            policy = readPolicy(mapping)
        }
        var process = PlanProcess()
        if let (key, value) = FieldReader.entry(fields, "process"), !FieldReader.isNull(value),
           let mapping = reader.mapping(value, .field("process"), at: key) {
            process = ProcessFields(reader: reader, fields: mapping, key: key).read()
        }
        return Plan(format: format, title: title, country: country, period: period, languages: languages,
                    introduction: introduction, policy: policy, process: process)
    }

    private func readFormat() -> Int {
        guard let (key, value) = FieldReader.entry(fields, "format") else {
            reader.error(L("format is missing (add 'format: \(Plan.formatVersion)' as the first line)"), at: nil)
            return Plan.formatVersion
        }
        guard let text = reader.scalar(value, .field("format")) else { return Plan.formatVersion }
        guard let format = Int(text), format == Plan.formatVersion else {
            reader.error(L("format '\(text)' is not one this nap reads (it reads format \(Plan.formatVersion))"), at: FieldReader.isNull(value) ? key : value)
            return Int(text) ?? Plan.formatVersion
        }
        return format
    }

    private func readLanguages() -> [String] {
        guard let (key, value) = FieldReader.entry(fields, "languages") else {
            reader.error(L("languages is missing (add 'languages:' listing e.g. zh-Hant and en, primary language first)"), at: nil)
            return []
        }
        guard let items = reader.sequence(value, .field("languages")) else { return [] }
        guard !items.isEmpty else {
            reader.error(L("languages is empty; list the plan's languages, primary language first"), at: key)
            return []
        }
        var languages: [String] = []
        for item in items {
            guard let code = reader.scalar(item, L("a language")) else { continue }
            if let problem = LanguageCode.problem(in: code) {
                reader.error(L("language '\(code)': \(problem)"), at: item)
            } else if languages.contains(code) {
                reader.error(L("language '\(code)' is listed twice"), at: item)
            } else {
                languages.append(code)
            }
        }
        return languages
    }

    /// The introduction is optional: no text at all is fine, but text in some languages only is a warning.
    private func readIntroduction(_ node: Yams.Node, key: Yams.Node, languages: [String]) -> LocalizedText {
        guard let mapping = reader.mapping(node, .field("introduction"), at: key) else { return [:] }
        var result: LocalizedText = [:]
        for (languageNode, textNode) in mapping {
            let language = languageNode.scalar?.string ?? "?"
            guard let text = reader.scalar(textNode, L("the introduction in \(language)")) else { continue }
            if !languages.contains(language) {
                reader.warning(L("the introduction has text in '\(language)', which is not one of the plan's languages"), at: languageNode)
            }
            if !text.isEmpty { result[language] = text }
        }
        if !result.isEmpty {
            for language in languages where result[language] == nil {
                reader.warning(L("the introduction has no \(language) text"), at: key)
            }
        }
        return result
    }

    private func readPolicy(_ mapping: Yams.Node.Mapping) -> Policy {
        let known = ["approvals", "require-responses", "request-changes-blocks", "require-signatures", "min-discussion-days", "response-days",
                     "host-attested-approvals"]
        reader.warnUnknownKeys(mapping, known: known, in: .field("policy"))
        var policy = Policy()
        if let (key, value) = FieldReader.entry(mapping, "approvals"), let items = reader.sequence(value, .field("policy.approvals")) {
            var approvers: [Policy.Approver] = []
            for item in items {
                guard let text = reader.scalar(item, L("an approver")) else { continue }
                guard let approver = Policy.Approver(rawValue: text) else {
                    let allowed = Policy.Approver.allCases.map(\.rawValue).joined(separator: ", ")
                    reader.error(L("policy.approvals: '\(text)' is not an approver (use \(allowed))"), at: item)
                    continue
                }
                if approvers.contains(approver) {
                    reader.warning(L("policy.approvals lists \(text) twice"), at: item)
                } else {
                    approvers.append(approver)
                }
            }
            if items.isEmpty {
                reader.error(L("policy.approvals is empty; a merge needs at least one approver (the default is both co-chairs)"), at: key)
            } else {
                policy.approvals = approvers
            }
        }
        policy.requireResponses = reader.bool(mapping, "require-responses", .field("policy.require-responses"), default: true)
        policy.requestChangesBlocks = reader.bool(mapping, "request-changes-blocks", .field("policy.request-changes-blocks"), default: true)
        policy.requireSignatures = reader.bool(mapping, "require-signatures", .field("policy.require-signatures"), default: false)
        policy.minDiscussionDays = reader.integer(mapping, "min-discussion-days", .field("policy.min-discussion-days"), in: 0...Policy.maximumDays) ?? 0
        policy.responseDays = reader.integer(mapping, "response-days", .field("policy.response-days"), in: 1...Policy.maximumDays)
        policy.hostAttestedApprovals = reader.bool(mapping, "host-attested-approvals", .field("policy.host-attested-approvals"), default: false)
        return policy
    }
}
