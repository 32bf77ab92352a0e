import PlanKit

/// Someone who takes part: a member of the forum (in members.yml) or someone from the public.
struct Person {
    let name: String
    let email: String
    /// The member id; nil for the public.
    let member: String?
    let sector: String
    let role: String?
    let organization: String?

    var isGovernment: Bool { sector == "government" }

    /// How events record this person.
    var eventAuthor: EventAuthor {
        EventAuthor(name: name, email: email, member: member, sector: member == nil ? "public" : sector, role: role)
    }
}

/// The forum (two co-chairs and members from every sector) and the public taking part in the consultation.
struct People {
    let members: [Person]
    let public_: [Person]

    var governmentCoChair: Person { members[0] }
    var civilSocietyCoChair: Person { members[1] }
    var government: [Person] { members.filter(\.isGovernment) }
    var nonGovernmentMembers: [Person] { members.filter { !$0.isGovernment } }

    /// Real Taiwanese agencies and organisations, as they appear in the plans; the people are invented.
    static let agencies = [
        "國家發展委員會", "內政部", "法務部", "監察院", "數位發展部", "財政部", "經濟部", "環境部", "衛生福利部",
        "教育部", "勞動部", "文化部", "金融監督管理委員會", "中央選舉委員會", "行政院人事行政總處",
    ]
    static let organisations: [(String, String)] = [
        ("civil-society", "開放文化基金會"), ("civil-society", "台灣透明組織"), ("civil-society", "公民監督國會聯盟"),
        ("civil-society", "g0v 零時政府"), ("civil-society", "民間司法改革基金會"), ("civil-society", "台灣人權促進會"),
        ("civil-society", "台灣公民參與協會"), ("civil-society", "環境資訊協會"), ("civil-society", "台灣女性學習協會"),
        ("academia", "國立臺灣大學"), ("academia", "國立政治大學"), ("academia", "中央研究院"),
        ("private-sector", "台灣數位經濟暨產業協會"), ("private-sector", "中華民國工商協進會"),
        ("legislature", "立法院"), ("legislature", "立法院法制局"),
    ]
    static let surnames = Array("陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余")
    static let given = ["志明", "淑芬", "家豪", "怡君", "俊傑", "雅婷", "冠宇", "佳穎", "宗翰", "欣怡", "承恩", "詩涵",
                        "建宏", "美玲", "柏翰", "思妤", "立偉", "郁婷", "宏達", "惠雯"]
    static let englishNames = ["Alex Chen", "Mei Lin", "Jason Huang", "Grace Wu", "Kevin Tsai", "Annie Liu", "David Lee",
                               "Iris Wang", "Eric Chang", "Sandy Hsu", "Peter Lo", "Joy Kuo", "Ray Yang", "Tina Hung"]

    static func make(publicCount: Int, random: inout SeededRandom) -> People {
        var members: [Person] = []
        var used = Set<String>()
        func chineseName() -> String {
            while true {
                let name = String(random.pick(surnames)) + random.pick(given)
                if used.insert(name).inserted { return name }
            }
        }
        members.append(Person(name: chineseName(), email: "cochair@ndc.example.gov.tw", member: "gov-cochair", sector: "government",
                              role: "co-chair", organization: "國家發展委員會"))
        members.append(Person(name: chineseName(), email: "cochair@civic.example.org", member: "cs-cochair", sector: "civil-society",
                              role: "co-chair", organization: "開放文化基金會"))
        for (index, agency) in agencies.enumerated() {
            members.append(Person(name: chineseName(), email: "member\(index + 1)@agency.example.gov.tw", member: "gov-\(index + 1)",
                                  sector: "government", role: "member", organization: agency))
        }
        for (index, (sector, organisation)) in organisations.enumerated() {
            let role = sector == "academia" && index % 2 == 1 ? "reviewer" : (sector == "legislature" ? "observer" : "member")
            members.append(Person(name: chineseName(), email: "member\(index + 1)@\(sector).example.org", member: "\(sector)-\(index + 1)",
                                  sector: sector, role: role, organization: organisation))
        }
        var people: [Person] = []
        for index in 0..<publicCount {
            // Names repeat among the public, as they do in life; emails tell people apart.
            let name = index % 3 == 0 ? random.pick(englishNames) : String(random.pick(surnames)) + random.pick(given)
            people.append(Person(name: name, email: "citizen\(index + 1)@example.net", member: nil, sector: "public", role: nil, organization: nil))
        }
        return People(members: members, public_: people)
    }

    /// members.yml for this forum.
    var membersFile: String {
        var lines = ["# 多方利害關係人論壇成員", "# Members of the multi-stakeholder forum", "", "members:"]
        for person in members {
            guard let id = person.member else { continue }
            lines += ["  - id: \(id)", "    name: \(person.name)", "    email: \(person.email)", "    sector: \(person.sector)"]
            if let organization = person.organization { lines.append("    organization: \(organization)") }
            if let role = person.role { lines.append("    role: \(role)") }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
