import PlanKit

/// The reasoned-response report as JSON for the site's downloads: the fields of
/// `nap report responses --format json`, with people named, never their email addresses.
///
/// Written a piece at a time (an input per piece), never held whole: a national record's report is tens
/// of megabytes. Keys are sorted and indented by two spaces, so the same report gives the same bytes.
enum ResponsesJSON {
    /// The report, each piece handed to `write` in order; the pieces joined are one JSON document ending
    /// in a line break.
    static func write(_ report: ResponseReport, to write: (String) throws -> Void) rethrows {
        try write("{\n  \"inputs\": [")
        for (index, input) in report.inputs.enumerated() {
            var out = index == 0 ? "\n" : ",\n"
            let fields: [(String, Value)] = [
                ("anchor", input.anchor.map { .string("\($0.path):\($0.startLine)-\($0.endLine)") } ?? .null),
                ("author", person(input.author)),
                ("earlier_responses", .array(input.earlierResponses.map(response))),
                ("id", .string(input.id)),
                ("kind", .string(input.kind.rawValue)),
                ("proposal", .string(input.proposal)),
                ("proposal_slug", .string(input.proposalSlug)),
                ("proposal_status", .string(input.proposalStatus)),
                ("proposal_title", .string(input.proposalTitle)),
                ("reply_to", input.replyTo.map(Value.string) ?? .null),
                ("response", input.response.map(response) ?? .null),
                ("response_required", .bool(input.isOwedResponse)),
                ("text", .string(input.text)),
                ("time", .string(DisplayTime.machine(input.time))),
            ]
            Value.object(fields).append(to: &out, indent: 4)
            try write(out)
        }
        let revision = report.revision.map { Value.string($0) } ?? .null
        var end = report.inputs.isEmpty ? "],\n  \"revision\": " : "\n  ],\n  \"revision\": "
        revision.append(to: &end, indent: 2)
        end += ",\n  \"unanswered\": \(report.unansweredOwed)\n}\n"
        try write(end)
    }

    /// The whole document as one string (small reports, tests).
    static func encode(_ report: ResponseReport) -> String {
        var out = ""
        write(report) { out += $0 }
        return out
    }

    private static func person(_ author: EventAuthor) -> Value {
        .object([("member", author.member.map(Value.string) ?? .null), ("name", .string(author.name)),
                 ("role", author.role.map(Value.string) ?? .null), ("sector", .string(author.isPublic ? "public" : author.sector))])
    }

    private static func response(_ response: ReasonedResponse) -> Value {
        .object([("author", person(response.author)), ("disposition", .string(response.disposition.rawValue)),
                 ("id", .string(response.id)), ("reason", .string(response.reason)), ("time", .string(DisplayTime.machine(response.time)))])
    }

    /// A JSON value, its object's keys in the order given (sorted by the caller).
    indirect enum Value {
        case string(String)
        case bool(Bool)
        case null
        case array([Value])
        case object([(String, Value)])

        /// Appends the value, its nested lines indented by `indent` spaces (the value's own line is the caller's).
        func append(to out: inout String, indent: Int) {
            switch self {
            case .string(let text): Value.quote(text, into: &out)
            case .bool(let value): out += value ? "true" : "false"
            case .null: out += "null"
            case .array(let items):
                guard !items.isEmpty else { out += "[]"; return }
                let inner = String(repeating: " ", count: indent + 2)
                out += "["
                for (index, item) in items.enumerated() {
                    out += (index == 0 ? "\n" : ",\n") + inner
                    item.append(to: &out, indent: indent + 2)
                }
                out += "\n" + String(repeating: " ", count: indent) + "]"
            case .object(let fields):
                guard !fields.isEmpty else { out += "{}"; return }
                let inner = String(repeating: " ", count: indent + 2)
                out += "{"
                for (index, (key, value)) in fields.enumerated() {
                    out += (index == 0 ? "\n" : ",\n") + inner
                    Value.quote(key, into: &out)
                    out += ": "
                    value.append(to: &out, indent: indent + 2)
                }
                out += "\n" + String(repeating: " ", count: indent) + "}"
            }
        }

        /// A JSON string: quotes, backslashes and control characters escaped; everything else as UTF-8.
        static func quote(_ text: String, into out: inout String) {
            out += "\""
            if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                out += text
            } else {
                for scalar in text.unicodeScalars {
                    switch scalar {
                    case "\"": out += "\\\""
                    case "\\": out += "\\\\"
                    case "\n": out += "\\n"
                    case "\r": out += "\\r"
                    case "\t": out += "\\t"
                    case let control where control.value < 0x20:
                        let hex = Array("0123456789abcdef")
                        out += "\\u00" + String(hex[Int(control.value >> 4)]) + String(hex[Int(control.value & 15)])
                    default: out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        }
    }
}
