import PlanKit

/// The forum: members by sector and organisation (never their addresses), and its rules.
struct ForumView {
    struct Person {
        let name: String
        let role: String?
        let fingerprint: String?
    }

    struct Organization {
        let name: String
        let members: [Person]
    }

    struct SectorGroup {
        let key: String
        let label: String
        let count: Int
        let organizations: [Organization]
    }

    struct Governance {
        let lang: String?
        let proseHTML: TrustedHTML
    }

    let t: Words
    let sectors: [SectorGroup]
    let governance: [Governance]

    init(page: PageContext) {
        let words = page.words
        t = words
        let members = page.content.members.all
        sectors = Sector.allCases.compactMap { sector in
            let inSector = members.filter { $0.sector == sector }
            guard !inSector.isEmpty else { return nil }
            var names: [String] = []
            for member in inSector where !names.contains(member.organization ?? "") { names.append(member.organization ?? "") }
            let organizations = names.map { name in
                Organization(name: name.isEmpty ? words["noOrganization"] : name, members: inSector.filter { ($0.organization ?? "") == name }.map { member in
                    Person(name: member.name, role: member.role == .member ? nil : words.role(member.role.rawValue),
                           fingerprint: member.key.flatMap(MemberKey.fingerprint(ofKeyLine:)))
                })
            }
            return SectorGroup(key: sector.rawValue, label: words.sector(sector.rawValue), count: inSector.count, organizations: organizations)
        }
        governance = ForumView.governance(page.content.governance, page: page)
    }

    /// GOVERNANCE.md, split at its top-level headings so that each part carries its language.
    static func governance(_ text: String?, page: PageContext) -> [Governance] {
        guard let text else { return [] }
        let visible = SafeProse.visibleText(text)
        guard !visible.isEmpty else { return [] }
        var parts: [String] = []
        var current: [Substring] = []
        for line in visible.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# "), !current.isEmpty {
                parts.append(current.joined(separator: "\n"))
                current = []
            }
            current.append(line)
        }
        if !current.isEmpty { parts.append(current.joined(separator: "\n")) }
        // Parts in the page's language first.
        let tagged = parts.map { part -> (String, String) in (TextLanguage.guess(part, languages: page.content.languages), part) }
        let ordered = tagged.filter { $0.0 == page.language } + tagged.filter { $0.0 != page.language }
        return ordered.map { language, part in
            Governance(lang: language == page.language ? nil : language, proseHTML: page.prose(part, headingLevel: 3))
        }
    }
}
