import PlanKit

/// The implementation dashboard: for each commitment of the published plan, its lead agency and each
/// milestone with its due date, its completion on OGP's scale (or "no evidence available"), the evidence
/// and the reason for a delay; overdue milestones marked. Grouped by thematic area when commitments have one.
struct ImplementationView {
    struct Milestone {
        let index: Int
        let activity: LangText?
        let due: String
        let status: String
        let statusKind: String
        let evidence: [Link]
        let hasEvidence: Bool
        let delay: LangText?
        let overdue: Bool
    }

    struct Commitment {
        let id: String
        let anchor: String
        let href: String
        let title: LangText?
        let lead: String
        let overall: String
        let owed: String?
        let milestones: [Milestone]
    }

    struct Area {
        let name: String?
        let commitments: [Commitment]
    }

    struct Count {
        let label: String
        let count: Int
    }

    let t: Words
    let published: Bool
    let intro: String
    let asOf: String
    let overdueCount: String?
    let byStatus: [Count]
    let areas: [Area]

    init(page: PageContext) {
        let words = page.words
        t = words
        let process = page.content.process
        asOf = words.format("asOfDay", process.asOf.description)
        guard let report = process.implementation else {
            published = false
            intro = ""
            overdueCount = nil
            byStatus = []
            areas = []
            return
        }
        published = true
        intro = words.format("implementationIntro", report.version)
        let overdue = report.overdue.count
        overdueCount = overdue == 0 ? nil : words.format("overdueCount", String(overdue))
        let levels: [CompletionLevel?] = CompletionLevel.allCases.map { $0 } + [nil]
        let statuses = report.commitments.flatMap { $0.milestones.map(\.status) }
        byStatus = levels.map { level in Count(label: Self.level(level, words: words), count: statuses.filter { $0 == level }.count) }
        let rows = report.commitments.map { Self.commitment($0, page: page) }
        let areaNames = Array(Set(report.commitments.compactMap(\.area))).sorted()
        if areaNames.isEmpty {
            areas = [Area(name: nil, commitments: rows)]
        } else {
            let byID = Dictionary(report.commitments.map { ($0.id, $0.area) }, uniquingKeysWith: { first, _ in first })
            areas = (areaNames.map(Optional.some) + [nil]).compactMap { area in
                let inArea = rows.filter { (byID[$0.id] ?? nil) == area }
                guard !inArea.isEmpty else { return nil }
                return Area(name: area ?? words["noArea"], commitments: inArea)
            }
        }
    }

    static func commitment(_ row: ImplementationReport.CommitmentRow, page: PageContext) -> Commitment {
        let words = page.words
        let plan = page.content.plan
        let milestones = row.milestones.map { milestone in
            let evidence = milestone.evidence.filter { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
                .enumerated().map { index, address in Link(label: words["evidence"] + " \(index + 1)", href: address) }.markingLast()
            return Milestone(index: milestone.index,
                             activity: CommitmentPresentation.pick(milestone.activity, language: page.language, plan: plan).map { LangText.plan($0, page: page) },
                             due: milestone.due?.description ?? "—", status: level(milestone.status, words: words),
                             statusKind: milestone.overdue ? "bad" : milestone.status == .complete ? "good" : "unsigned",
                             evidence: evidence, hasEvidence: !evidence.isEmpty,
                             delay: milestone.delay.map { LangText.written($0, page: page) }, overdue: milestone.overdue)
        }
        return Commitment(id: row.id, anchor: "c-" + SitePaths.safeName(row.id), href: page.commitmentLink(row.id),
                          title: CommitmentPresentation.pick(row.title, language: page.language, plan: plan).map { LangText.plan($0, page: page) },
                          lead: row.lead.label.isEmpty ? "—" : row.lead.label, overall: level(row.overall?.report.status, words: words),
                          owed: row.owed == 0 ? nil : words.format("owedProgressComments", String(row.owed)), milestones: milestones)
    }

    /// A level of OGP's completion scale, named as `nap progress report` names it; nil: nothing recorded.
    static func level(_ level: CompletionLevel?, words: Words) -> String {
        guard let level else { return words["noEvidence"] }
        return words.pick(level.chineseName, level.englishName)
    }
}
