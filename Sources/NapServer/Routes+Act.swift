import Foundation
import Hummingbird
import NapWeb
import PlanKit

extension NapServe {
    /// What a member can do on a proposal, read for the act page.
    struct ActView: Sendable {
        let id: String
        let title: String
        let isOpen: Bool
        let comments: [(id: String, label: String)]
        let memberName: String
        let memberSector: String
        let isCoChair: Bool
    }

    func actView(proposal: String, member: String) async throws -> ActView {
        do {
            return try await site.read { store in
                let detail = try store.detail(of: proposal)
                guard let found = try store.currentMembers().member(id: member) else { throw Refusal.signInRequired }
                let comments = detail.state.comments.map { comment -> (id: String, label: String) in
                    let text = comment.body.replacingOccurrences(of: "\n", with: " ")
                    return (String(comment.id.prefix(12)), "#\(comment.id.prefix(8)) \(comment.author.name): \(text.prefix(60))\(text.count > 60 ? "…" : "")")
                }
                return ActView(id: detail.state.id, title: detail.state.title, isOpen: detail.state.status == .open, comments: comments,
                               memberName: found.name, memberSector: found.sector.rawValue, isCoChair: found.role == .coChair)
            }
        } catch is PlanError {
            throw Refusal.notFound
        }
    }

    /// The member's actions on a proposal (`?proposal=ID`): review, respond, resolve; a co-chair merges
    /// and hides.
    func actPage(_ request: Request, context: ServeContext) async throws -> Response {
        let language = try await pageLanguage(context)
        let (session, member) = try await signedInMember(request)
        guard let proposal = FormData.query(request.uri.query)["proposal"] else { throw Refusal.notFound }
        return Reply.html(try await renderAct(proposal: proposal, member: member, session: session, language: language, errors: [], request: request))
    }

    func renderAct(proposal: String, member: String, session: Session, language: String, errors: [String],
                   request: Request) async throws -> [UInt8] {
        let view = try await actView(proposal: proposal, member: member)
        let targets = [(id: view.id.prefix(12).description, label: SiteWords.word("proposalAsWhole", language: language))] + view.comments
        let values: [String: Any] = [
            "proposal": view.id, "proposalTitle": view.title,
            "proposalHref": try await site.proposalPage(id: view.id) ?? "proposals/index.html",
            "actingAs": SiteWords.word("actingAs", language: language, view.memberName, view.memberSector),
            "csrf": session.csrf, "isOpen": view.isOpen, "isCoChair": view.isCoChair,
            "hasErrors": !errors.isEmpty, "errors": errors,
            "hasInputs": true, "targets": targets.map { ["id": $0.id, "label": $0.label] },
            "hasComments": !view.comments.isEmpty, "comments": view.comments.map { ["id": $0.id, "label": $0.label] },
            "canHide": Self.canHide && !view.comments.isEmpty,
            "dispositions": Disposition.allCases.map { ["value": $0.rawValue, "label": SiteWords.disposition($0.rawValue, language: language)] },
        ]
        return try await servedPage(ServedPage(template: "serve-act", path: "act", titleWord: "actTitle", values: values), language: language, request: request)
    }

    /// A member's action, posted from the act page: done for the signed-in member (never for a member the
    /// form names), with PlanKit's rules for their role and sector.
    func postAct(_ request: Request, context: ServeContext) async throws -> Response {
        let language = try await pageLanguage(context)
        try await admitPost(request, context: context)
        let form = try await readForm(request, multiline: ["body", "reason"])
        let allowed: Set<String> = ["csrf", "proposal", "action", "verdict", "body", "target", "disposition", "reason"]
        guard form.fields.keys.allSatisfy(allowed.contains) else { throw Refusal.badInput }
        let session = try await checkedSession(request, form: form)
        guard let member = session.member else { throw Refusal.signInRequired }
        guard let proposal = form.text("proposal"), let action = form.text("action") else { throw Refusal.badInput }
        var done: String
        do {
            switch action {
            case "review":
                guard let verdict = form.text("verdict").flatMap(Verdict.init(rawValue:)) else { throw Refusal.badInput }
                _ = try await writer.review(proposal, verdict: verdict, body: form["body"] ?? "", member: member)
                done = SiteWords.word(verdict == .approve ? "approveVerdict" : "requestChangesVerdict", language: language)
            case "respond":
                guard let target = form.text("target"), let disposition = form.text("disposition").flatMap(Disposition.init(rawValue:)),
                      let reason = form.text("reason") else { throw Refusal.badInput }
                _ = try await writer.respond(to: target, on: proposal, disposition: disposition, reason: reason, member: member)
                done = SiteWords.word("respondHeading", language: language)
            case "resolve":
                guard let target = form.text("target") else { throw Refusal.badInput }
                try await writer.resolve(target, on: proposal, resolved: true, member: member)
                done = SiteWords.word("resolveButton", language: language)
            case "merge":
                _ = try await writer.merge(proposal, member: member)
                done = SiteWords.word("merged", language: language)
            case "hide":
                guard Self.canHide, let target = form.text("target"), let reason = form.text("reason") else { throw Refusal.badInput }
                try await writer.hide(target, on: proposal, reason: reason, member: member)
                done = SiteWords.word("hideButton", language: language)
            default:
                throw Refusal.badInput
            }
        } catch let error as PlanError {
            let message = SiteWords.word("notRecorded", language: language, Self.plainReason(error, language: language))
            let bytes = try await renderAct(proposal: proposal, member: member, session: session, language: language, errors: [message], request: request)
            return Reply.html(bytes, status: .unprocessableContent)
        }
        ServerLog.note("recorded a member's \(action)")
        let page = try await site.proposalPage(id: try await proposalID(proposal))
        let values: [String: Any] = [
            "heading": SiteWords.word("actDone", language: language),
            "paragraphs": [SiteWords.word("actDoneText", language: language, done)],
            "links": page.map { [["href": $0, "label": SiteWords.word("backToProposal", language: language)]] } ?? [],
            "other": [[String: Any]](),
        ]
        let bytes = try await servedPage(ServedPage(template: "serve-message", path: "act", titleWord: "actDone", values: values), language: language, request: request)
        return Reply.html(bytes)
    }
}
