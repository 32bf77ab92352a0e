/// The prose sections of a commitment, from OGP's commitment template (2022), each marked in the file by
/// its key in the heading's attribute: `## 問題界定 {#problem}`. The 2017 Taiwanese template's questions
/// map onto them (see docs/FORMAT.md).
public enum SectionKey: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable, Comparable {
    /// Brief description (簡述).
    case summary
    /// Problem definition: what problem the commitment addresses (承諾事項將涉及哪些公共問題？).
    case problem
    /// The problem's causes.
    case causes
    /// What has been done so far to solve it.
    case background
    /// The proposed solution (承諾事項為何？).
    case solution
    /// The expected results (有何貢獻與助益？).
    case results
    /// How the commitment promotes transparency, accountability, participation and inclusion
    /// (為何與OGP核心價值相關？).
    case analysis
    /// Budget, links to other plans and strategies, SDGs (其他資訊). Optional.
    case additional

    /// Whether every plan language must have this section, with text.
    public var isRequired: Bool { self != .additional }

    /// The section's heading in nap's template for `language` (zh-Hant or English for any other).
    public func heading(in language: String) -> String {
        LanguageCode.name(of: language) == "繁體中文" ? chineseHeading : englishHeading
    }

    private var chineseHeading: String {
        switch self {
        case .summary: "簡述"
        case .problem: "問題界定：承諾事項將涉及哪些公共問題？"
        case .causes: "問題成因"
        case .background: "現況：至今已做了哪些努力？"
        case .solution: "承諾事項為何？"
        case .results: "預期成果：承諾事項對於解決這些公共問題有何貢獻與助益？"
        case .analysis: "為何此一承諾事項與 OGP 的核心價值（透明、課責、公共參與、涵容）有所相關？"
        case .additional: "其他資訊"
        }
    }

    private var englishHeading: String {
        switch self {
        case .summary: "Brief description"
        case .problem: "Problem definition: what problem does the commitment address?"
        case .causes: "What are the causes of the problem?"
        case .background: "What has been done so far to solve the problem?"
        case .solution: "What solution are you proposing?"
        case .results: "What results do we want to achieve?"
        case .analysis: "How will the commitment promote transparency, accountability, participation and inclusion?"
        case .additional: "Additional information"
        }
    }

    public static func < (lhs: SectionKey, rhs: SectionKey) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// One prose section of a commitment in one language.
public struct CommitmentSection: Sendable, Hashable, Codable {
    public var key: SectionKey
    public var language: String
    /// The heading as written, without `##` and the attribute.
    public var heading: String
    /// The Markdown text under the heading, trimmed.
    public var text: String
    /// For a translation: the hash of the primary-language text it was translated from (`source=`).
    public var source: String?
    /// The 1-based line of the heading in the file.
    public var line: Int

    public init(key: SectionKey, language: String, heading: String, text: String, source: String? = nil, line: Int) {
        self.key = key
        self.language = language
        self.heading = heading
        self.text = text
        self.source = source
        self.line = line
    }

    /// Whether the section says nothing: empty once HTML comments (guidance) are removed.
    public var isEmpty: Bool { MarkdownText.withoutComments(text).trimmed.isEmpty }
}
