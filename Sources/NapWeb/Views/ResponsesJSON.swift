import Foundation
import PlanKit

/// The reasoned-response report as JSON for the site's downloads: the fields of
/// `nap report responses --format json`, with people named, never their email addresses.
///
/// Written an input at a time, never held whole: a national record's report is tens of megabytes. Each
/// input is encoded by Foundation's `JSONEncoder` (sorted keys, pretty-printed); only the document around
/// the inputs (`{"inputs": [ … ], "revision": …, "unanswered": …}`) is put together here, in the
/// encoder's layout, so the same report gives the same bytes.
enum ResponsesJSON {
    /// The report, each piece handed to `write` in order; the pieces joined are one JSON document ending
    /// in a line break.
    static func write(_ report: ResponseReport, to write: (String) throws -> Void) throws {
        try write(opening)
        if !report.inputs.isEmpty { try write("\n" + (try inputs(report.inputs[...]))) }
        try write(closing(report))
    }

    /// The document up to its first input.
    static let opening = "{\n  \"inputs\" : ["

    /// Inputs of the `inputs` array, each on its lines indented for the document, separated by commas
    /// (no comma before the first or after the last: the caller joins groups with `",\n"`).
    static func inputs(_ inputs: ArraySlice<ResponseReport.Input>) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var out = ""
        for input in inputs {
            if !out.isEmpty { out += ",\n" }
            let json = String(decoding: try encoder.encode(InputJSON(input)), as: UTF8.self)
            // Nested two levels down: every line of the input indented by four spaces (an empty line, which
            // the encoder writes inside an empty array, stays empty).
            out += json.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        }
        return out
    }

    /// The document after its last input.
    static func closing(_ report: ResponseReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let revision = try report.revision.map { String(decoding: try encoder.encode($0), as: UTF8.self) } ?? "null"
        return (report.inputs.isEmpty ? "]" : "\n  ]") + ",\n  \"revision\" : \(revision),\n  \"unanswered\" : \(report.unansweredOwed)\n}\n"
    }

    /// The whole document as one string (small reports, tests).
    static func encode(_ report: ResponseReport) throws -> String {
        var out = ""
        try write(report) { out += $0 }
        return out
    }

    /// A person as the site shows them: by name, member id, role and sector, never by address.
    private struct PersonJSON: Encodable {
        let member: String?
        let name: String
        let role: String?
        let sector: String

        init(_ author: EventAuthor) {
            member = author.member
            name = author.name
            role = author.role
            sector = author.isPublic ? "public" : author.sector
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            // Absent values are written as null, as every field of the download is always present.
            try container.encode(member, forKey: .member)
            try container.encode(name, forKey: .name)
            try container.encode(role, forKey: .role)
            try container.encode(sector, forKey: .sector)
        }

        private enum CodingKeys: String, CodingKey { case member, name, role, sector }
    }

    private struct ResponseJSON: Encodable {
        let author: PersonJSON
        let disposition: String
        let id: String
        let reason: String
        let time: String

        init(_ response: ReasonedResponse) {
            author = PersonJSON(response.author)
            disposition = response.disposition.rawValue
            id = response.id
            reason = response.reason
            time = DisplayTime.machine(response.time)
        }
    }

    private struct InputJSON: Encodable {
        let anchor: String?
        let author: PersonJSON
        let earlierResponses: [ResponseJSON]
        let id: String
        let kind: String
        let proposal: String
        let proposalSlug: String
        let proposalStatus: String
        let proposalTitle: String
        let replyTo: String?
        let response: ResponseJSON?
        let responseRequired: Bool
        let text: String
        let time: String

        init(_ input: ResponseReport.Input) {
            anchor = input.anchor.map { "\($0.path):\($0.startLine)-\($0.endLine)" }
            author = PersonJSON(input.author)
            earlierResponses = input.earlierResponses.map(ResponseJSON.init)
            id = input.id
            kind = input.kind.rawValue
            proposal = input.proposal
            proposalSlug = input.proposalSlug
            proposalStatus = input.proposalStatus
            proposalTitle = input.proposalTitle
            replyTo = input.replyTo
            response = input.response.map(ResponseJSON.init)
            responseRequired = input.isOwedResponse
            text = input.text
            time = DisplayTime.machine(input.time)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(anchor, forKey: .anchor)
            try container.encode(author, forKey: .author)
            try container.encode(earlierResponses, forKey: .earlierResponses)
            try container.encode(id, forKey: .id)
            try container.encode(kind, forKey: .kind)
            try container.encode(proposal, forKey: .proposal)
            try container.encode(proposalSlug, forKey: .proposalSlug)
            try container.encode(proposalStatus, forKey: .proposalStatus)
            try container.encode(proposalTitle, forKey: .proposalTitle)
            try container.encode(replyTo, forKey: .replyTo)
            try container.encode(response, forKey: .response)
            try container.encode(responseRequired, forKey: .responseRequired)
            try container.encode(text, forKey: .text)
            try container.encode(time, forKey: .time)
        }

        private enum CodingKeys: String, CodingKey {
            case anchor, author, id, kind, proposal, response, text, time
            case earlierResponses = "earlier_responses", proposalSlug = "proposal_slug", proposalStatus = "proposal_status"
            case proposalTitle = "proposal_title", replyTo = "reply_to", responseRequired = "response_required"
        }
    }
}
