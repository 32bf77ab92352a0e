import Yams
import Localization

extension Commitment {
    /// Reads a commitment file (`commitments/<id>.md`), reporting every problem in its front matter and
    /// its prose sections. `plan` gives the languages every text must have and the period every date must
    /// lie in; without it (plan.yml unreadable) those checks are skipped.
    public static func parse(
        _ bytes: [UInt8], path: String, plan: Plan?, sizeLimit: Int = PlanFiles.maximumFileSize
    ) -> Parsed<Commitment> {
        var diagnostics: [Diagnostic] = []
        guard let source = SourceText.decode(bytes, path: path, sizeLimit: sizeLimit, into: &diagnostics) else {
            return Parsed(value: nil, diagnostics: diagnostics)
        }
        guard !source.isBlank else {
            let message = L("the file is empty; a commitment starts with YAML front matter between '---' lines (see `nap commitment new`)")
            return Parsed(value: nil, diagnostics: [Diagnostic(path: path, message: message)])
        }
        let (split, problem) = FrontMatter.split(source.lines, path: path)
        guard let frontMatter = split else { return Parsed(value: nil, diagnostics: problem.map { [$0] } ?? []) }
        let reader = FieldReader(path: path, lineOffset: frontMatter.openingLine)
        guard let root = reader.compose(frontMatter.yaml) else {
            if reader.diagnostics.isEmpty {
                reader.report(.error, L("the front matter is empty; it needs id, title, period, lead, values, milestones and contact"), line: 1, column: 1)
            }
            return Parsed(value: nil, diagnostics: reader.diagnostics)
        }
        guard let fields = reader.mapping(root, L("the front matter")) else { return Parsed(value: nil, diagnostics: reader.diagnostics) }
        let context = CommitmentContext(languages: plan?.languages ?? [], planPeriod: plan?.period, fileName: fileName(of: path))
        var commitment = CommitmentFields(reader: reader, fields: fields, context: context).read()
        let body = CommitmentBody(lines: frontMatter.body, firstLine: frontMatter.closingLine + 1)
        let prose = CommitmentProse(body: body, path: path, id: commitment.id, languages: context.languages,
                                    emptyBodyLine: frontMatter.closingLine)
        commitment.sections = prose.sections
        return Parsed(value: commitment, diagnostics: reader.diagnostics + prose.check())
    }

    private static func fileName(of path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }
}

/// What a commitment is checked against: the plan's languages and period, and its file's name.
struct CommitmentContext {
    var languages: [String]
    var planPeriod: Period?
    var fileName: String

    /// The id the file name implies: `1-1` for `1-1.md`.
    var expectedID: String { fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName }
}

/// Reads the fields of a commitment's front matter.
private struct CommitmentFields {
    let reader: FieldReader
    let fields: Yams.Node.Mapping
    let context: CommitmentContext

    static let known = ["id", "title", "period", "lead", "supporting", "values", "status", "milestones", "contact", "sdgs", "budget", "area", "policy-areas"]

    func read() -> Commitment {
        reader.warnUnknownKeys(fields, known: Self.known, in: L("the front matter"))
        let id = readID()
        var title: LocalizedText = [:]
        if let (key, value) = FieldReader.entry(fields, "title") {
            title = reader.localized(value, L("the title"), languages: context.languages, at: key)
        } else {
            reader.error(L("the title is missing (add 'title:' with a line per language)"), at: nil)
        }
        let period = readPeriod()
        let lead = institutions("lead", L("lead institution"), required: true, in: fields)
        let supporting = readSupporting()
        let values = readValues()
        let status = readStatus()
        let milestones = MilestoneReader(reader: reader, languages: context.languages, period: period ?? context.planPeriod,
                                         periodName: period == nil ? "the plan's period" : "the commitment's period")
            .read(FieldReader.entry(fields, "milestones"))
        let contact = readContact()
        let sdgs = readSDGs()
        var budget: LocalizedText = [:]
        if let (key, value) = FieldReader.entry(fields, "budget"), !FieldReader.isNull(value) {
            budget = reader.localized(value, L("the budget"), languages: context.languages, at: key)
        }
        var area: String?
        if let text = reader.text(fields, "area", .field("area"), required: false, owner: nil) {
            if let problem = Identifier.problem(in: text) {
                reader.error(L("area '\(text.prefix(40))': \(problem) (an area is a short id such as open-data)"), at: FieldReader.entry(fields, "area")?.value)
            } else {
                area = text
            }
        }
        var commitment = Commitment(id: id, title: title, period: period, lead: lead, supporting: supporting, values: values,
                                    status: status, milestones: milestones, contact: contact, sdgs: sdgs, budget: budget)
        commitment.area = area
        commitment.policyAreas = readPolicyAreas()
        return commitment
    }

    private func readID() -> String {
        guard let id = reader.text(fields, "id", .field("id"), required: true, owner: nil) else { return context.expectedID }
        let node = FieldReader.entry(fields, "id")?.value
        if let problem = Identifier.problem(in: id) {
            reader.error(L("id '\(id)': \(problem)"), at: node)
        } else if id != context.expectedID {
            reader.error(L("id '\(id)' does not match the file name \(context.fileName); the file must be named \(id).md"), at: node)
        }
        return id
    }

    private func readPeriod() -> Period? {
        guard let (key, value) = FieldReader.entry(fields, "period") else {
            reader.error(L("the period is missing (add 'period:' with 'start:' and 'end:')"), at: nil)
            return nil
        }
        let (period, startNode, endNode) = reader.period(value, L("the commitment's period"), at: key)
        guard let period, let planPeriod = context.planPeriod else { return period }
        if !planPeriod.contains(period.start) {
            reader.error(L("the commitment starts (\(period.start)) outside the plan's period (\(planPeriod))"), at: startNode)
        }
        if !planPeriod.contains(period.end) {
            reader.error(L("the commitment ends (\(period.end)) outside the plan's period (\(planPeriod))"), at: endNode)
        }
        return period
    }

    private func readSupporting() -> SupportingInstitutions {
        guard let (key, value) = FieldReader.entry(fields, "supporting"), !FieldReader.isNull(value),
              let mapping = reader.mapping(value, .field("supporting"), at: key) else { return SupportingInstitutions() }
        reader.warnUnknownKeys(mapping, known: ["government", "civil-society", "others"], in: .field("supporting"))
        return SupportingInstitutions(
            government: institutions("government", L("supporting government institution"), required: false, in: mapping),
            civilSociety: institutions("civil-society", L("supporting civil-society organisation"), required: false, in: mapping),
            others: institutions("others", L("other supporting institution"), required: false, in: mapping))
    }

    /// A list of institutions, each a language map.
    private func institutions(_ key: String, _ what: Message, required: Bool, in mapping: Yams.Node.Mapping) -> [LocalizedText] {
        guard let (keyNode, value) = FieldReader.entry(mapping, key) else {
            if required { reader.error(L("\(key) is missing: name at least one \(what)"), at: nil) }
            return []
        }
        guard let items = reader.sequence(value, .field(key)) else { return [] }
        if items.isEmpty, required { reader.error(L("\(key) is empty: name at least one \(what)"), at: keyNode) }
        return items.enumerated().map { index, item in
            reader.localized(item, what + Message(verbatim: " \(index + 1)"), languages: context.languages, at: item)
        }
    }

    private func readValues() -> [OGPValue] {
        let allowed = OGPValue.allCases.map(\.rawValue).joined(separator: ", ")
        guard let (key, value) = FieldReader.entry(fields, "values") else {
            reader.error(L("values is missing: list the OGP values the commitment promotes (\(allowed))"), at: nil)
            return []
        }
        guard let items = reader.sequence(value, .field("values")) else { return [] }
        if items.isEmpty { reader.error(L("values is empty: list the OGP values the commitment promotes (\(allowed))"), at: key) }
        var values: [OGPValue] = []
        for item in items {
            guard let text = reader.scalar(item, L("a value")) else { continue }
            guard let ogpValue = OGPValue(rawValue: text) else {
                reader.error(L("'\(text)' is not an OGP value (use \(allowed))"), at: item)
                continue
            }
            if values.contains(ogpValue) { reader.warning(L("values lists \(text) twice"), at: item) } else { values.append(ogpValue) }
        }
        return values
    }

    private func readStatus() -> CompletionLevel? {
        guard let text = reader.text(fields, "status", .field("status"), required: false, owner: nil) else { return nil }
        guard let level = CompletionLevel(rawValue: text) else {
            let allowed = CompletionLevel.allCases.map(\.rawValue).joined(separator: ", ")
            reader.error(L("status '\(text)' is not a completion level (use \(allowed))"), at: FieldReader.entry(fields, "status")?.value)
            return nil
        }
        return level
    }

    private func readContact() -> Contact {
        guard let (key, value) = FieldReader.entry(fields, "contact") else {
            reader.error(L("contact is missing (add 'contact:' with name, title, email and phone)"), at: nil)
            return Contact()
        }
        guard !FieldReader.isNull(value), let mapping = reader.mapping(value, .field("contact"), at: key) else {
            if FieldReader.isNull(value) { reader.error(L("contact is empty (give name, title, email and phone)"), at: key) }
            return Contact()
        }
        reader.warnUnknownKeys(mapping, known: ["name", "title", "email", "phone"], in: .field("contact"))
        var contact = Contact()
        contact.name = reader.text(mapping, "name", L("contact name"), required: true, owner: key) ?? ""
        contact.title = reader.text(mapping, "title", L("contact title"), required: false, owner: key)
        contact.phone = reader.text(mapping, "phone", L("contact phone"), required: false, owner: key)
        if let email = reader.text(mapping, "email", L("contact email"), required: true, owner: key) {
            if let problem = EmailAddress.problem(in: email) {
                reader.error(L("contact email '\(email)' is not well formed: \(problem)"), at: FieldReader.entry(mapping, "email")?.value)
            }
            contact.email = email
        }
        return contact
    }

    /// `policy-areas:`: ids of the policy-area columns of OGP's commitments database (`OGPColumns.policyAreas`).
    private func readPolicyAreas() -> [String] {
        guard let (_, value) = FieldReader.entry(fields, "policy-areas"), !FieldReader.isNull(value),
              let items = reader.sequence(value, .field("policy-areas")) else { return [] }
        let known = Set(OGPColumns.policyAreas.map(\.id))
        var areas: [String] = []
        for item in items {
            guard let text = reader.scalar(item, L("a policy area")) else { continue }
            guard known.contains(text) else {
                let near = OGPColumns.policyAreas.map(\.id).filter { $0.hasPrefix(String(text.prefix(4)).lowercased()) }.prefix(4)
                let head = String(text.prefix(60))
                reader.error(near.isEmpty
                    ? L("policy-areas: '\(head)' is not a policy area of OGP's commitments database (docs/FORMAT.md lists them)")
                    : L("policy-areas: '\(head)' is not a policy area of OGP's commitments database; did you mean \(near.joined(separator: ", "))?"), at: item)
                continue
            }
            if areas.contains(text) { reader.warning(L("policy-areas lists \(text) twice"), at: item) } else { areas.append(text) }
        }
        return areas
    }

    private func readSDGs() -> [Int] {
        guard let (_, value) = FieldReader.entry(fields, "sdgs"), let items = reader.sequence(value, .field("sdgs")) else { return [] }
        var goals: [Int] = []
        for item in items {
            guard let text = reader.scalar(item, L("an SDG")) else { continue }
            guard let goal = Int(text), (1...17).contains(goal) else {
                reader.error(L("sdgs: '\(text)' is not a Sustainable Development Goal (a number from 1 to 17)"), at: item)
                continue
            }
            if goals.contains(goal) { reader.warning(L("sdgs lists \(goal) twice"), at: item) } else { goals.append(goal) }
        }
        return goals
    }
}
