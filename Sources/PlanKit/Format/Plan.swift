/// Text in several languages, keyed by language code (`zh-Hant`, `en`).
public typealias LocalizedText = [String: String]

/// A national action plan as described by `plan.yml`: its titles, country, period, languages and the
/// rules (`Policy`) by which proposals are merged, and the process (`PlanProcess`): its timeline and meetings.
public struct Plan: Sendable, Hashable, Codable {
    /// The version of the file format this nap reads and writes (`format: 1`).
    public static let formatVersion = 1

    public var format: Int
    /// The plan's title in each of its languages.
    public var title: LocalizedText
    /// The OGP member, e.g. `Taiwan`.
    public var country: String
    /// Nil only when plan.yml's period is missing or invalid (validation reports it).
    public var period: Period?
    /// The languages the plan is written in; the first is the primary language, the one translations are
    /// made from.
    public var languages: [String]
    /// The plan's introduction in each language (optional).
    public var introduction: LocalizedText
    public var policy: Policy
    /// The timeline and the forum's promises about meetings (`process:`; empty when plan.yml has none).
    public var process: PlanProcess

    public init(
        format: Int = Plan.formatVersion, title: LocalizedText, country: String, period: Period?,
        languages: [String], introduction: LocalizedText = [:], policy: Policy = Policy(), process: PlanProcess = PlanProcess()
    ) {
        self.format = format
        self.title = title
        self.country = country
        self.period = period
        self.languages = languages
        self.introduction = introduction
        self.policy = policy
        self.process = process
    }

    /// The language translations are made from: the first of `languages`.
    public var primaryLanguage: String? { languages.first }
}
