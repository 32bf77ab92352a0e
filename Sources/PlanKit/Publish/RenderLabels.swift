/// The words a rendered plan uses around the plan's own text, in Traditional Chinese (the words of
/// Taiwan's plans) or English (OGP's template). Any language other than Chinese gets English labels.
public struct RenderLabels: Sendable {
    /// The language the labels are in: `zh-Hant` or `en`.
    public let language: String
    private let chinese: Bool

    public init(language: String) {
        chinese = LanguageCode.name(of: language) == "繁體中文"
        self.language = chinese ? "zh-Hant" : "en"
    }

    /// `zh` for Chinese labels, else `en`.
    func pick(_ zh: String, _ en: String) -> String { chinese ? zh : en }

    public var languageName: String { pick("繁體中文", "English") }
    public var country: String { pick("國家", "Country") }
    public var period: String { pick("期間", "Period") }
    public var version: String { pick("版本", "Version") }
    public var introduction: String { pick("前言", "Introduction") }
    public var contents: String { pick("目錄", "Contents") }
    public var commitmentCount: String { pick("承諾事項數", "Commitments") }
    public var id: String { pick("編號", "ID") }
    public var title: String { pick("名稱", "Title") }
    public var lead: String { pick("主辦機關", "Lead institution(s)") }
    public var supportingGovernment: String { pick("協辦機關（政府）", "Supporting institutions: government") }
    public var supportingCivilSociety: String { pick("協辦單位（公民社會）", "Supporting institutions: civil society") }
    public var supportingOthers: String { pick("協辦單位（其他）", "Supporting institutions: others") }
    public var values: String { pick("OGP 核心價值", "OGP values") }
    public var status: String { pick("執行進度", "Completion level") }
    public var sdgs: String { pick("永續發展目標", "Sustainable Development Goals") }
    public var budget: String { pick("預算", "Budget") }
    public var milestones: String { pick("衡量指標（里程碑）", "Milestones") }
    public var activity: String { pick("活動", "Activity") }
    public var output: String { pick("預期產出", "Expected output") }
    public var start: String { pick("開始", "Start") }
    public var end: String { pick("完成", "End") }
    public var responsible: String { pick("負責單位", "Responsible") }
    public var contact: String { pick("聯絡窗口", "Contact") }
    public var contactName: String { pick("姓名", "Name") }
    public var contactTitle: String { pick("職稱與單位", "Title and department") }
    public var email: String { pick("電子郵件", "Email") }
    public var phone: String { pick("電話", "Phone") }
    public var none: String { "—" }
    public var development: String { pick("共創過程", "How the plan was developed") }
    public var timeline: String { pick("時程", "Timeline") }
    public var timelinePublished: String { pick("時程公布日", "Timeline published on") }
    public var phase: String { pick("階段", "Phase") }
    public var meetings: String { pick("會議", "Meetings") }
    public var meeting: String { pick("會議", "Meeting") }
    public var date: String { pick("日期", "Date") }
    public var attendance: String { pick("出席（成員＋公眾）", "Attendance (members + public)") }
    public var decisions: String { pick("決議", "Decisions") }
    public var inputReceived: String { pick("收到的意見（依部門）", "Input received, by sector") }
    public var howAnswered: String { pick("回應情形", "How it was answered") }
    public var sector: String { pick("部門", "Sector") }
    public var count: String { pick("數量", "Count") }
    public var disposition: String { pick("處理結果", "Disposition") }
    public var area: String { pick("領域", "Area") }
    public var notAssessed: String { pick("尚未評估", "Not yet assessed") }
    public var untranslated: String { pick("未翻譯", "not translated") }
    public var listSeparator: String { pick("、", ", ") }

    /// `2025-01 至 2028-12` / `2025-01 to 2028-12`.
    public func period(_ period: Period?) -> String {
        guard let period else { return none }
        return "\(period.start) \(pick("至", "to")) \(period.end)"
    }

    public func value(_ value: OGPValue) -> String {
        chinese ? value.chineseName : value.rawValue.prefix(1).uppercased() + value.rawValue.dropFirst()
    }

    public func status(_ level: CompletionLevel?) -> String {
        switch level {
        case nil: notAssessed
        case .notStarted: pick("未開始", "Not started")
        case .limited: pick("有限", "Limited")
        case .substantial: pick("大部分完成", "Substantial")
        case .complete: pick("完成", "Complete")
        }
    }

    /// `SDG 16：和平、正義及健全制度` / `SDG 16: Peace, justice and strong institutions`.
    public func sdg(_ goal: Int) -> String {
        guard (1...17).contains(goal) else { return "SDG \(goal)" }
        return "SDG \(goal)\(pick("：", ": "))\(chinese ? Self.sdgChinese[goal - 1] : Self.sdgEnglish[goal - 1])"
    }

    /// A disposition in both languages, as the response report shows it: `部分採納 adopted in part`.
    public static func disposition(_ disposition: Disposition) -> String {
        switch disposition {
        case .adopted: "採納 adopted"
        case .adoptedInPart: "部分採納 adopted in part"
        case .deferred: "列為備選 deferred"
        case .notAdopted: "不採納 not adopted"
        case .outOfScope: "非本方案範圍 out of scope"
        }
    }

    private static let sdgChinese = [
        "消除貧窮", "消除飢餓", "健康與福祉", "優質教育", "性別平權", "淨水及衛生", "可負擔的潔淨能源", "就業與經濟成長",
        "工業化、創新及基礎建設", "減少不平等", "永續城鄉", "責任消費及生產", "氣候行動", "海洋生態", "陸域生態",
        "和平、正義及健全制度", "全球夥伴關係",
    ]

    private static let sdgEnglish = [
        "No poverty", "Zero hunger", "Good health and well-being", "Quality education", "Gender equality",
        "Clean water and sanitation", "Affordable and clean energy", "Decent work and economic growth",
        "Industry, innovation and infrastructure", "Reduced inequalities", "Sustainable cities and communities",
        "Responsible consumption and production", "Climate action", "Life below water", "Life on land",
        "Peace, justice and strong institutions", "Partnerships for the goals",
    ]
}
