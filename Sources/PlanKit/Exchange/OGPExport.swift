import Foundation
import GitKit
import Localization

/// What `nap export ogp-csv` cannot read from the plan: the numbers OGP gives a member and its plans.
public struct OGPExportOptions: Sendable {
    /// The action plan's number for this member (1 for the first plan).
    public var planNumber: Int
    /// The member's code in OGP's database (ISO 3166 alpha-3, e.g. `TWN`); `ND` when not given.
    public var code: String
    /// The member's region in OGP's database (e.g. `Asia and the Pacific`); `ND` when not given.
    public var region: String

    public init(planNumber: Int = 1, code: String = "ND", region: String = "ND") {
        self.planNumber = planNumber
        self.code = code
        self.region = region
    }
}

extension PlanStore {
    /// The plan's commitments at `revision` as rows of OGP's commitments database (`OGPColumns.all`, the
    /// header first): what the plan says is filled in, the IRM's own assessments are `ND` (no data).
    /// Refuses a revision whose plan does not validate: the export is of an agreed text.
    public func ogpCommitmentRows(revision: String = "main", options: OGPExportOptions = OGPExportOptions()) throws -> [[String]] {
        let commit = try resolveRevision(revision)
        let contents = PlanValidator().load(source: try files(at: commit))
        guard let plan = contents.plan, contents.isValid else {
            let first = contents.errors.first.map { "\($0)" } ?? "plan.yml cannot be read"
            throw PlanError.refused(reason: L("the plan at \(revision) does not validate (\(first))"), hint: L("run nap validate \(revision)"))
        }
        guard (1...99).contains(options.planNumber) else { throw PlanError.invalidInput(L("--plan-number must be from 1 to 99")) }
        let submitted = PlanDate.day(of: try time(of: revision))?.year ?? 0
        var rows = [OGPColumns.all]
        for (index, commitment) in contents.commitments.enumerated() {
            let values = OGPRow(plan: plan, commitment: commitment, number: index + 1, submitted: submitted, options: options).values
            rows.append(OGPColumns.all.map { values[$0] ?? "ND" })
        }
        return rows
    }
}

/// One commitment's cells, by column name.
struct OGPRow {
    let plan: Plan
    let commitment: Commitment
    let number: Int
    let submitted: Int
    let options: OGPExportOptions

    var values: [String: String] {
        var cells: [String: String] = [
            "Commitment Unique Identifier": options.code + String(format: "%02d%02d", options.planNumber, number),
            "Country/Locality": plan.country,
            "Action Plan Number": String(options.planNumber),
            "Commitment Number": String(number),
            "Code": options.code,
            "Region": options.region,
            "National Or Local": "National",
            "Commitment Dummy": "1",
            "Year Of Submission": String(submitted),
            "Theme": commitment.area.map(CSVTable.defused) ?? "ND",
            "Commitment Title": CSVTable.defused(english(commitment.title)),
            "Short Title": CSVTable.defused(english(commitment.title)),
            "Full Text": CSVTable.defused(fullText),
            "Start Date": commitment.period.map { Self.usDate($0.start, last: false) } ?? "NA",
            "End Date": commitment.period.map { Self.usDate($0.end, last: true) } ?? "NA",
            "Lead Institution": CSVTable.defused(commitment.lead.map(english).joined(separator: ", ")),
            "Supporting Institution(s)": CSVTable.defused(
                (commitment.supporting.government + commitment.supporting.civilSociety + commitment.supporting.others).map(english).joined(separator: ", ")),
            "OGP Value Access To Information": commitment.values.contains(.transparency) ? "1" : "0",
            "OGP Value Civic Participation": commitment.values.contains(.participation) ? "1" : "0",
            "OGP Value Public Accountability": commitment.values.contains(.accountability) ? "1" : "0",
            "Action Plan ID": "AP_" + options.code + String(format: "%02d", options.planNumber),
        ]
        if let period = plan.period {
            cells["Action Plan End Year"] = String(period.end.year)
            let days = period.end.lastDayNumber - period.start.firstDayNumber + 1
            cells["Action Plan Duration (Years)"] = String(Int((Double(days) / 365.25).rounded()))
        }
        let areas = Set(commitment.policyAreas)
        for (id, column) in OGPColumns.policyAreas { cells[column] = areas.contains(id) ? "1" : "0" }
        return cells
    }

    /// The English text, else the plan's primary language's.
    func english(_ text: LocalizedText) -> String {
        text["en"] ?? plan.primaryLanguage.flatMap { text[$0] } ?? text.values.sorted().first ?? ""
    }

    /// The commitment's prose in English (else the primary language), section by section with headings.
    var fullText: String {
        let language = commitment.sections.contains { $0.language == "en" } ? "en" : (plan.primaryLanguage ?? "en")
        return commitment.sections.filter { $0.language == language && !$0.text.isEmpty }
            .map { "\($0.heading)\n\($0.text)" }.joined(separator: "\n\n")
    }

    /// `M/D/YYYY`, as OGP's database writes dates; a month is its first (or last) day.
    static func usDate(_ date: PlanDate, last: Bool) -> String {
        let day = date.day ?? (last ? PlanDate.daysIn(month: date.month, year: date.year) : 1)
        return "\(date.month)/\(day)/\(date.year)"
    }
}
