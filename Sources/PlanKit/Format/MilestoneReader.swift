import Yams
import Localization

/// Reads a commitment's `milestones:` list: each milestone needs an activity and an output (the verifiable
/// deliverable) in every plan language and an end (due) date; its dates must lie in the commitment's period.
struct MilestoneReader {
    let reader: FieldReader
    let languages: [String]
    /// The period the dates must lie in: the commitment's, or the plan's when the commitment's is unusable.
    let period: Period?
    let periodName: String

    func read(_ entry: (key: Yams.Node, value: Yams.Node)?) -> [Milestone] {
        guard let (key, value) = entry else {
            reader.error(L("milestones is missing: list at least one milestone with activity, output, start and end"), at: nil)
            return []
        }
        guard let items = reader.sequence(value, .field("milestones")) else { return [] }
        if items.isEmpty { reader.error(L("milestones is empty: list at least one milestone with activity, output, start and end"), at: key) }
        return items.enumerated().compactMap { index, item in read(item, number: index + 1) }
    }

    private func read(_ item: Yams.Node, number: Int) -> Milestone? {
        let what = L("milestone \(number)")
        guard let fields = reader.mapping(item, what) else { return nil }
        reader.warnUnknownKeys(fields, known: ["activity", "output", "start", "end", "responsible"], in: what)
        let activity = localized(fields, "activity", L("\(what): the activity"), item: item, required: true)
        let output = localized(fields, "output", L("\(what): the output (a verifiable deliverable)"), item: item, required: true)
        let responsible = localized(fields, "responsible", L("\(what): the responsible body"), item: item, required: false)
        let start = reader.date(fields, "start", L("\(what): start"), required: false, owner: item)
        let end = reader.date(fields, "end", L("\(what): end (the due date)"), required: true, owner: item)
        let startNode = FieldReader.entry(fields, "start")?.value
        let endNode = FieldReader.entry(fields, "end")?.value
        if let start, let end, !Period(start: start, end: end).isOrdered {
            reader.error(L("\(what) ends (\(end)) before it starts (\(start))"), at: endNode)
        }
        if let period {
            for (date, node, starts) in [(start, startNode, true), (end, endNode, false)] {
                if let date, !period.contains(date) {
                    reader.error(starts ? L("\(what) starts (\(date)) outside \(periodName) (\(period))")
                                 : L("\(what) ends (\(date)) outside \(periodName) (\(period))"), at: node)
                }
            }
        }
        return Milestone(activity: activity, output: output, start: start, end: end, responsible: responsible)
    }

    private func localized(
        _ fields: Yams.Node.Mapping, _ key: String, _ what: Message, item: Yams.Node, required: Bool
    ) -> LocalizedText {
        guard let (keyNode, value) = FieldReader.entry(fields, key) else {
            if required { reader.error(L("\(what) is missing (add '\(key):' with a line per language)"), at: item) }
            return [:]
        }
        if !required, FieldReader.isNull(value) { return [:] }
        return reader.localized(value, what, languages: languages, at: keyNode)
    }
}
