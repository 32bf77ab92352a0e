import Foundation
import PlanKit

/// What a comment form is about, read from the link that opened it (or the form posted back): a
/// proposal as a whole, lines of a file it changes, or a paragraph (section) of a commitment — which is
/// commented on through the open proposals that change that commitment, anchored to the paragraph's
/// lines in the proposal's text.
struct CommentTarget: Sendable {
    /// The proposal (its id), when one is chosen.
    var proposal: String?
    var path: String?
    var start: Int?
    var end: Int?
    var commitment: String?
    var section: String?

    /// The fields that say what is commented on; with `csrf`, the contact fields, the comment and the
    /// honeypot, the only ones a comment form may post (anything else, such as a `sector` or a member id,
    /// is refused: who comments comes from the session, never from the form).
    static let fields: Set<String> = ["proposal", "path", "start", "end", "commitment", "section"]

    init(_ values: [String: String]) {
        proposal = values["proposal"].flatMap { $0.isEmpty ? nil : $0 }
        path = values["path"].flatMap { $0.isEmpty ? nil : $0 }
        start = values["start"].flatMap { Int($0) }.flatMap { (1...1_000_000).contains($0) ? $0 : nil }
        end = values["end"].flatMap { Int($0) }.flatMap { (1...1_000_000).contains($0) ? $0 : nil }
        commitment = values["commitment"].flatMap { $0.isEmpty ? nil : $0 }
        section = values["section"].flatMap { SectionKey(rawValue: $0) != nil ? $0 : nil }
    }

    /// The hidden fields that carry the target through the form.
    var hidden: [[String: Any]] {
        var fields: [(String, String?)] = [("path", path), ("start", start.map(String.init)), ("end", end.map(String.init)),
                                           ("commitment", commitment), ("section", section)]
        if commitment == nil { fields.insert(("proposal", proposal), at: 0) }
        return fields.compactMap { name, value in value.map { ["name": name, "value": $0] } }
    }

    /// A plain description of the form, read from the plan: the proposal's title and page, the lines
    /// quoted, or the open proposals that change the commitment.
    struct Shown: Sendable {
        var proposalID: String?
        var proposalTitle: String?
        var quote: String?
        var whereText: String?
        var choices: [(id: String, title: String)] = []
        var heading: String?
    }

    func show(in store: PlanStore, language: String) throws -> Shown {
        var shown = Shown()
        if let commitment, let section {
            let listings = try store.proposalListings().filter { $0.hasRecord && $0.statusName == "open" && $0.changedCommitments.contains(commitment) }
            shown.choices = listings.compactMap { listing in listing.id.map { ($0, listing.title) } }
            let document = try store.planDocument(at: "main", development: false)
            if let found = document.commitments.first(where: { $0.id == commitment }), let key = SectionKey(rawValue: section),
               let text = found.section(key, in: language) ?? found.sections.first(where: { $0.key == key }) {
                shown.quote = text.text
                shown.heading = text.heading
                shown.whereText = commitment + " · " + text.heading
            } else {
                throw Refusal.notFound
            }
            return shown
        }
        guard let proposal else { throw Refusal.notFound }
        guard let heading = try store.proposalHeading(named: proposal) else { throw Refusal.notFound }
        shown.proposalID = heading.id
        shown.proposalTitle = heading.title
        if let path, let start, let head = heading.head {
            guard let data = try store.files(at: head).read(path) else { throw Refusal.notFound }
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let last = min(end ?? start, lines.count)
            guard start <= last else { throw Refusal.notFound }
            shown.quote = lines[(start - 1)..<last].joined(separator: "\n")
            shown.whereText = path + " · " + (start == last ? "\(start)" : "\(start)–\(last)")
        }
        return shown
    }

    /// The anchor of the comment: lines asked for, or the commitment paragraph's lines in the chosen
    /// proposal's text (nil: the proposal as a whole).
    func anchor(in store: PlanStore, proposal: String, language: String) throws -> AnchorRequest? {
        if let path { return AnchorRequest(path: path, startLine: start, endLine: end ?? start) }
        guard let commitment, let section, let key = SectionKey(rawValue: section) else { return nil }
        let summary = try store.proposal(named: proposal)
        guard let head = summary.head,
              let path = summary.changedFiles.first(where: { $0.hasSuffix("/" + commitment + ".md") || $0 == commitment + ".md" }) else {
            return nil
        }
        let document = try store.planDocument(at: head.hex, development: false)
        guard let found = document.commitments.first(where: { $0.id == commitment }),
              let text = found.section(key, in: language) ?? found.sections.first(where: { $0.key == key }) else { return nil }
        let following = found.sections.map(\.line).filter { $0 > text.line }.min()
        return AnchorRequest(path: path, startLine: text.line, endLine: following.map { $0 - 1 })
    }
}
