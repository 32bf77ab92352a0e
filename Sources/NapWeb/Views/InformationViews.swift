import Localization
import PlanKit

/// How to take part: the routes plan.yml declares, and the commands for people with git.
struct ParticipateView {
    let t: Words
    let server: String?
    let address: String?
    let clone: String?
    let hasRoutes: Bool
    let commands: String
    let responsesHref: String
    let proposalsHref: String
    let forumHref: String

    init(page: PageContext) {
        let words = page.words
        let routes = page.content.participation
        t = words
        server = routes.server.flatMap { SafeURL.isWeb($0) ? $0 : nil }
        address = routes.address
        clone = routes.clone
        hasRoutes = !routes.isEmpty
        let url = routes.clone ?? words["repositoryPlaceholder"]
        commands = """
            nap clone \(url) plan
            cd plan
            nap proposals                              # \(words.pick("進行中的提案", "the proposals"))
            nap comment <proposal> -m "…"              # \(words.pick("對提案提出意見", "comment on a proposal"))
            nap comment <proposal> --on commitments/<id>.md:12-14 -m "…"
            nap propose <name> --title "…"             # \(words.pick("提出新的提案", "propose a change"))
            nap sync                                   # \(words.pick("同步回共用的儲存庫", "send it to the shared repository"))
            """
        responsesHref = page.link(SiteLayout.responses)
        proposalsHref = page.link(SiteLayout.proposals)
        forumHref = page.link(SiteLayout.forum)
    }
}

/// How to verify: the exact commands, and what `nap verify` found when the site was built.
struct VerifyView {
    struct Finding {
        let kind: String
        let severity: String
        let message: String
    }

    struct Key {
        let name: String
        let role: String
        let fingerprint: String
    }

    let t: Words
    let commands: String
    let head: String
    let result: Badge
    let checked: String
    let signaturesRequired: Bool
    let hasFindings: Bool
    let findings: [Finding]
    let keys: [Key]

    init(page: PageContext) {
        let words = page.words
        let content = page.content
        t = words
        let url = content.participation.clone ?? words["repositoryPlaceholder"]
        var lines = [
            "git clone \(url) plan",
            "cd plan",
            "nap verify \(content.revision == "main" ? "" : content.revision)".trimmingCharacters(in: .whitespaces),
            "nap key allowed-signers --configure",
            "git verify-commit main",
        ]
        for version in content.versions { lines.append("git verify-tag \(version.version.name)") }
        commands = lines.joined(separator: "\n")
        head = content.document.commit?.hex ?? "—"
        if let report = content.verification {
            result = report.passed ? Badge(label: words["verifyPassed"], kind: "good", detail: nil)
                : Badge(label: words["verifyFailed"], kind: "bad", detail: "\(report.failures.count)")
            checked = words.format("checkedCounts", String(report.commits), String(report.merges), String(report.tags),
                                   String(report.events), String(report.goodSignatures))
            signaturesRequired = report.signaturesRequired
            // nap's own sentences, in the page's language.
            let messageLanguage = Language(rawValue: page.language) ?? .english
            findings = report.findings.map { finding in
                Finding(kind: finding.severity == .failure ? "bad" : "unsigned", severity: words[finding.severity.rawValue],
                        message: Privacy.withoutAddresses(finding.message.resolved(in: messageLanguage)))
            }
        } else {
            result = Badge(label: words["verifyNotRun"], kind: "bad", detail: content.verificationProblem.map(Privacy.withoutAddresses))
            checked = "—"
            signaturesRequired = content.plan.policy.requireSignatures
            findings = []
        }
        hasFindings = !findings.isEmpty
        keys = content.members.all.compactMap { member in
            guard let fingerprint = member.key.flatMap(MemberKey.fingerprint(ofKeyLine:)) else { return nil }
            return Key(name: member.name, role: words.role(member.role.rawValue) + " · " + words.sector(member.sector.rawValue), fingerprint: fingerprint)
        }
    }
}

/// The accessibility statement.
struct AccessibilityView {
    let t: Words
    let paragraphs: [String]
    let tested: [String]
    let limits: [String]
    let contact: String

    init(page: PageContext) {
        let words = page.words
        t = words
        paragraphs = [words["a11yIntro"], words["a11yLanguages"]]
        tested = [words["a11yTestedAxe"], words["a11yTestedWidths"], words["a11yTestedKeyboard"]]
        limits = [words["a11yLimitDiff"], words["a11yLimitContent"]]
        contact = page.content.participation.address.map { words.format("a11yContactAddress", $0) } ?? words["a11yContactDefault"]
    }
}

/// Addresses the site may link to.
enum SafeURL {
    /// `http:` and `https:` addresses without spaces or quotes.
    static func isWeb(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        return !url.contains { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "`" || $0 == "'" }
    }
}
