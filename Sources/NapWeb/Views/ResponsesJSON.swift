import Foundation
import PlanKit

/// The reasoned-response report as JSON for the site's downloads: the fields of
/// `nap report responses --format json`, with people named, never their email addresses.
enum ResponsesJSON {
    struct Person: Encodable {
        let name: String
        let member: String?
        let sector: String
        let role: String?
    }

    struct Response: Encodable {
        let id: String
        let disposition: String
        let reason: String
        let author: Person
        let time: String
    }

    struct Input: Encodable {
        let id: String
        let kind: String
        let proposal: String
        let proposal_slug: String
        let proposal_title: String
        let proposal_status: String
        let author: Person
        let time: String
        let text: String
        let reply_to: String?
        let anchor: String?
        let response_required: Bool
        let response: Response?
        let earlier_responses: [Response]
    }

    struct Report: Encodable {
        let revision: String?
        let unanswered: Int
        let inputs: [Input]
    }

    static func encode(_ report: ResponseReport) throws -> String {
        func person(_ author: EventAuthor) -> Person {
            Person(name: author.name, member: author.member, sector: author.isPublic ? "public" : author.sector, role: author.role)
        }
        func response(_ response: ReasonedResponse) -> Response {
            Response(id: response.id, disposition: response.disposition.rawValue, reason: response.reason,
                     author: person(response.author), time: DisplayTime.machine(response.time))
        }
        let inputs = report.inputs.map { input in
            Input(id: input.id, kind: input.kind.rawValue, proposal: input.proposal, proposal_slug: input.proposalSlug,
                  proposal_title: input.proposalTitle, proposal_status: input.proposalStatus, author: person(input.author),
                  time: DisplayTime.machine(input.time), text: input.text, reply_to: input.replyTo,
                  anchor: input.anchor.map { "\($0.path):\($0.startLine)-\($0.endLine)" }, response_required: input.isOwedResponse,
                  response: input.response.map(response), earlier_responses: input.earlierResponses.map(response))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Report(revision: report.revision, unanswered: report.unansweredOwed, inputs: inputs))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
